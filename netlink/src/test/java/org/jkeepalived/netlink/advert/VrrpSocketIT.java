package org.jkeepalived.netlink.advert;

import static org.junit.jupiter.api.Assertions.*;

import java.lang.management.ManagementFactory;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jkeepalived.netlink.Hex;
import org.jkeepalived.netlink.NetNs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** VRRP over raw sockets between two namespaces joined by a veth pair (a0 in A, b0 in B). */
class VrrpSocketIT {
    // a VRRPv2 advert as keepalived sent it (vrid 51, prio 150, VIP 192.0.2.100)
    static final byte[] V2 = Hex.parse("21 33 96 01 00 01 86 65 c0 00 02 64 00 00 00 00 00 00 00 00");
    // a VRRPv3 advert body for IPv6 (vrid 52, prio 150, 1 s, VIP 2001:db8::100); bytes 6-7 are the kernel's checksum
    static final byte[] V3 = Hex.parse("31 34 96 01 00 64 00 00 20 01 0d b8 00 00 00 00 00 00 00 00 00 00 01 00");

    static NetNs.Pair lan;
    static NetNs a;
    static NetNs b;
    static final ExecutorService receiver = Executors.newSingleThreadExecutor();

    record Got(InetAddress source, InetAddress destination, int ttl, int ifindex, byte[] payload) {
        static Got of(Reception r) {
            byte[] p = new byte[r.payload().remaining()];
            r.payload().duplicate().get(p);
            return new Got(r.source(), r.destination(), r.ttl(), r.ifindex(), p);
        }
    }

    @BeforeAll
    static void setUp() throws Exception {
        lan = NetNs.pair();
        a = lan.a();
        b = lan.b();
        a.ip("addr", "add", "192.0.2.3/24", "dev", "a0");
        lan.up();
    }

    @AfterAll
    static void tearDown() {
        receiver.shutdownNow();
        if (lan != null) {
            lan.close();
        }
    }

    static InetAddress ip(String literal) throws Exception {
        return InetAddress.getByName(literal); // literal: no lookup
    }

    Got sendAndReceive(VrrpSocket tx, VrrpSocket rx, byte[] payload, InetAddress to) throws Exception {
        Future<Got> got = receiver.submit(() -> Got.of(rx.receive()));
        tx.send(ByteBuffer.wrap(payload), to);
        return got.get(5, TimeUnit.SECONDS);
    }

    @Test
    void ipv4MulticastArrivesWithTtl255() throws Exception {
        try (Vrrp4Socket rx = b.call(() -> Vrrp4Socket.open("b0", null, true));
             Vrrp4Socket tx = a.call(() -> Vrrp4Socket.open("a0", (Inet4Address) ip("192.0.2.1"), true))) {
            Got g = sendAndReceive(tx, rx, V2, Vrrp4Socket.GROUP);
            assertEquals(ip("192.0.2.1"), g.source());
            assertEquals(ip("224.0.0.18"), g.destination());
            assertEquals(255, g.ttl());
            assertEquals(rx.ifindex(), g.ifindex());
            assertEquals(Hex.format(V2), Hex.format(g.payload()));
        }
    }

    @Test
    void ipv4UnicastFromChosenSource() throws Exception {
        try (Vrrp4Socket rx = b.call(() -> Vrrp4Socket.open("b0", null, false));
             Vrrp4Socket tx = a.call(() -> Vrrp4Socket.open("a0", (Inet4Address) ip("192.0.2.3"), false))) {
            Got g = sendAndReceive(tx, rx, V2, ip("192.0.2.2"));
            assertEquals(ip("192.0.2.3"), g.source(), "unicast_src_ip is honoured");
            assertEquals(ip("192.0.2.2"), g.destination());
            assertEquals(255, g.ttl());
        }
    }

    @Test
    void ipv6MulticastArrivesWithHopLimit255FromLinkLocal() throws Exception {
        Inet6Address linkLocal;
        try (var rtnl = a.call(org.jkeepalived.netlink.rtnl.RtnetlinkSocket::open)) {
            linkLocal = rtnl.linkLocal(rtnl.link("a0").index());
        }
        assertEquals(ip("fe80::ff:fe00:a"), linkLocal);
        try (Vrrp6Socket rx = b.call(() -> Vrrp6Socket.open("b0", null, true));
             Vrrp6Socket tx = a.call(() -> Vrrp6Socket.open("a0", linkLocal, true))) {
            Got g = sendAndReceive(tx, rx, V3, Vrrp6Socket.GROUP);
            assertEquals(linkLocal, g.source());
            assertEquals(ip("ff02::12"), g.destination());
            assertEquals(255, g.ttl());
            assertEquals(rx.ifindex(), g.ifindex());
            byte[] expected = V3.clone();
            expected[6] = g.payload()[6];
            expected[7] = g.payload()[7];
            assertEquals(Hex.format(expected), Hex.format(g.payload()));
            assertNotEquals(0, (g.payload()[6] | g.payload()[7]), "the kernel filled the checksum");
        }
    }

    @Test
    void ipv6UnicastToPeerLinkLocal() throws Exception {
        try (Vrrp6Socket rx = b.call(() -> Vrrp6Socket.open("b0", null, false));
             Vrrp6Socket tx = a.call(() -> Vrrp6Socket.open("a0", (Inet6Address) ip("fe80::ff:fe00:a"), false))) {
            Got g = sendAndReceive(tx, rx, V3, ip("fe80::ff:fe00:b"));
            assertEquals(ip("fe80::ff:fe00:b"), g.destination());
            assertEquals(255, g.ttl());
        }
    }

    @Test
    void closeUnblocksAReceivingThread() throws Exception {
        Vrrp4Socket rx = b.call(() -> Vrrp4Socket.open("b0", null, true));
        Future<Reception> blocked = receiver.submit(rx::receive);
        Thread.sleep(200); // let it block in poll
        long t0 = System.nanoTime();
        rx.close();
        assertNull(blocked.get(2, TimeUnit.SECONDS), "receive returns null once closed");
        assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(1));
    }

    @Test
    void receivingAllocatesNothingPerPacket() throws Exception {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        int packets = 500;
        try (Vrrp4Socket rx = b.call(() -> Vrrp4Socket.open("b0", null, true));
             Vrrp4Socket tx = a.call(() -> Vrrp4Socket.open("a0", null, true))) {
            Future<Long> allocated = receiver.submit(() -> {
                long id = Thread.currentThread().getId();
                rx.receive(); // warm up
                long before = threads.getThreadAllocatedBytes(id);
                int ttlSum = 0;
                for (int i = 1; i < packets; i++) {
                    ttlSum += rx.receive().ttl();
                }
                long after = threads.getThreadAllocatedBytes(id);
                assertEquals(255 * (packets - 1), ttlSum);
                return after - before;
            });
            ByteBuffer payload = ByteBuffer.wrap(V2);
            for (int i = 0; i < packets; i++) {
                tx.send(payload, Vrrp4Socket.GROUP);
                if (i % 50 == 0) {
                    Thread.sleep(2); // stay under the receive buffer
                }
            }
            long bytes = allocated.get(10, TimeUnit.SECONDS);
            assertTrue(bytes < 16 * packets, "allocated " + bytes + " bytes for " + packets + " packets");
        }
    }
}
