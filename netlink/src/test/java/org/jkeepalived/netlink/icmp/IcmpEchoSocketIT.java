package org.jkeepalived.netlink.icmp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.InetAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.jkeepalived.netlink.NetNs;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Echo over real raw ICMP and ICMPv6 sockets between two namespaces joined by a veth (documentation addresses). */
class IcmpEchoSocketIT {
    @BeforeAll
    static void root() {
        NetNs.assumeRoot();
    }

    @Test
    void echoRepliesComeBackForBothFamiliesAndAMissingHostStaysSilent() throws Exception {
        try (NetNs a = NetNs.create(); NetNs b = NetNs.create()) {
            a.ip("link", "add", "p0", "type", "veth", "peer", "name", "p1", "netns", b.name());
            a.ip("addr", "add", "192.0.2.1/24", "dev", "p0");
            a.ip("addr", "add", "2001:db8::1/64", "dev", "p0", "nodad");
            b.ip("addr", "add", "192.0.2.2/24", "dev", "p1");
            b.ip("addr", "add", "2001:db8::2/64", "dev", "p1", "nodad");
            a.ip("link", "set", "p0", "up");
            b.ip("link", "set", "p1", "up");
            try (IcmpEchoSocket v4 = a.call(IcmpEchoSocket::open);
                 IcmpEchoSocket v6 = a.call(IcmpEchoSocket::openIpv6)) {
                assertEquals(InetAddress.getByName("192.0.2.2"), echo(v4, "192.0.2.2", 5_000));
                assertEquals(InetAddress.getByName("2001:db8::2"), echo(v6, "2001:db8::2", 5_000));
                assertNull(echo(v6, "2001:db8::3", 1_500), "no host, no reply");
            }
        }
    }

    private static InetAddress echo(IcmpEchoSocket s, String target, long millis) throws Exception {
        CompletableFuture<InetAddress> reply = new CompletableFuture<>();
        int seq = s.echo(InetAddress.getByName(target), reply::complete);
        try {
            return reply.get(millis, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            s.forget(seq);
            return null;
        }
    }
}
