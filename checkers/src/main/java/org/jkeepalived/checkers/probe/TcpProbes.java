package org.jkeepalived.checkers.probe;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

import javax.net.ssl.SSLEngine;

import org.jkeepalived.core.config.SourceLocation;
import org.jkeepalived.core.config.lvs.check.DnsCheck;
import org.jkeepalived.core.config.lvs.check.HttpUrl;
import org.jkeepalived.core.config.lvs.check.UdpCheck;

/** The probes that are one session on the reactor: TCP_CHECK, SMTP_CHECK, DNS_CHECK, UDP_CHECK and raw GETs. */
public final class TcpProbes {
    private TcpProbes() {
    }

    /** TCP_CHECK: success when the connection is established within connect_timeout. */
    public static Probe connect(ProbeReactor reactor, Endpoint e) {
        return done -> new StreamSession(reactor, e, null, null, done).launch(e.timeout().toNanos());
    }

    /** SMTP_CHECK on one destination. */
    public static Probe smtp(ProbeReactor reactor, Endpoint e, String heloName) {
        return done -> new StreamSession(reactor, e, new SmtpDialog(heloName), null, done)
                .launch(e.timeout().toNanos());
    }

    /** DNS_CHECK: one query with a fresh id per attempt. */
    public static Probe dns(ProbeReactor reactor, Endpoint e, DnsCheck c) {
        return done -> {
            int id = ThreadLocalRandom.current().nextInt(0x10000);
            byte[] q = DnsQuery.encode(id, c.name(), c.type());
            new DatagramSession(reactor, e, q, reply -> {
                String why = DnsQuery.judge(id, reply);
                return why == null ? ProbeResult.ok() : ProbeResult.failed(why);
            }, false, done).launch(e.timeout().toNanos());
        };
    }

    /** UDP_CHECK: the payload (random when none), then a reply if required, else no ICMP error in time. */
    public static Probe udp(ProbeReactor reactor, Endpoint e, UdpCheck c) {
        return done -> {
            byte[] payload = c.payload().orElseGet(() -> {
                byte[] b = new byte[16];
                ThreadLocalRandom.current().nextBytes(b);
                return b;
            });
            new DatagramSession(reactor, e, payload, reply -> c.requireReply()
                    ? UdpReply.judge(reply, c.replyPattern(), c.minReplyLength(), c.maxReplyLength())
                    : ProbeResult.ok(), !c.requireReply(), done).launch(e.timeout().toNanos());
        };
    }

    /**
     * One GET with its response handed to {@code response} (genhash); the probe result says whether a
     * response arrived.
     */
    public static void get(ProbeReactor reactor, Endpoint e, byte[] request, SSLEngine tls,
                           Consumer<HttpResponse> response, Consumer<ProbeResult> done) {
        HttpUrl any = new HttpUrl("/", List.of(), List.of(new HttpUrl.StatusRange(0, 999)), Optional.empty(),
                Optional.empty(), false, List.of(), List.of(), OptionalLong.empty(), OptionalLong.empty(),
                new SourceLocation("genhash", 0));
        HttpDialog d = new HttpDialog(request, any, Optional.empty(), response);
        new StreamSession(reactor, e, d, tls, done).launch(e.timeout().toNanos());
    }
}
