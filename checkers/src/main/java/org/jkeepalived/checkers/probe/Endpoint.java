package org.jkeepalived.checkers.probe;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

import org.jkeepalived.core.config.lvs.check.CheckerCommon;

/**
 * Where a probe connects and from where: {@code connect_ip}/{@code connect_port} (else the real server's),
 * {@code bindto}/{@code bind_port}, through {@code bind_if} and marked with {@code fwmark} when given, bounded by
 * {@code connect_timeout}. A mark of 0 is no mark, as in keepalived.
 */
public record Endpoint(InetSocketAddress connect, Optional<InetSocketAddress> bind, Optional<String> bindIf,
                       OptionalLong fwmark, Duration timeout) {
    public Endpoint {
        Objects.requireNonNull(connect, "connect");
        Objects.requireNonNull(bind, "bind");
        Objects.requireNonNull(bindIf, "bindIf");
        Objects.requireNonNull(fwmark, "fwmark");
        Objects.requireNonNull(timeout, "timeout");
        if (fwmark.isPresent() && fwmark.getAsLong() == 0) {
            fwmark = OptionalLong.empty();
        }
    }

    public Endpoint(InetSocketAddress connect, Optional<InetSocketAddress> bind, Duration timeout) {
        this(connect, bind, Optional.empty(), OptionalLong.empty(), timeout);
    }

    /** Whether the socket needs options Java NIO cannot set ({@code bind_if}, {@code fwmark}). */
    public boolean needsNativeSocket() {
        return bindIf.isPresent() || fwmark.isPresent();
    }

    public static Endpoint of(CheckerCommon c, InetAddress rsAddress, int rsPort) {
        InetSocketAddress to = new InetSocketAddress(c.connectIp().orElse(rsAddress), c.connectPort().orElse(rsPort));
        Optional<InetSocketAddress> from = Optional.empty();
        if (c.bindTo().isPresent() || c.bindPort().isPresent()) {
            from = Optional.of(c.bindTo().isPresent()
                    ? new InetSocketAddress(c.bindTo().get(), c.bindPort().orElse(0))
                    : new InetSocketAddress(c.bindPort().getAsInt()));
        }
        return new Endpoint(to, from, c.bindIf(), c.fwmark(), c.connectTimeout());
    }

    public static Endpoint of(InetSocketAddress to, Duration timeout) {
        return new Endpoint(to, Optional.empty(), timeout);
    }
}
