package org.jkeepalived.core.config.lvs.check;

import org.jkeepalived.core.config.SourceLocation;

/** A health checker block inside a {@code real_server}; one record per kind, all sharing {@link CheckerCommon}. */
public sealed interface Checker permits TcpCheck, HttpGetCheck, MiscCheck, SmtpCheck, DnsCheck, UdpCheck, PingCheck,
        FileCheck, BfdCheck {
    /** The keyword that opened the block ({@code TCP_CHECK}, {@code SSL_GET}, …). */
    String kind();

    CheckerCommon common();

    SourceLocation location();
}
