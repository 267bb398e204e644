package org.jkeepalived.netlink.announce;

import static org.junit.jupiter.api.Assertions.*;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.concurrent.TimeUnit;
import org.jkeepalived.netlink.Hex;
import org.jkeepalived.netlink.MacAddress;
import org.jkeepalived.netlink.NetNs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Gratuitous ARP and unsolicited NA sent from namespace A (a0) reach namespace B (b0) byte for
 * byte and move B's existing neighbour entry for the VIP to the announced MAC. B learns the VIP
 * first (one UDP datagram): with arp_accept=0 an announcement updates an entry but creates none.
 */
class AnnounceIT {
    static final MacAddress VMAC4 = MacAddress.vrrp(51, false);
    static final MacAddress VMAC6 = MacAddress.vrrp(52, true);
    static NetNs.Pair lan;
    static NetNs a;
    static NetNs b;

    @BeforeAll
    static void setUp() throws Exception {
        lan = NetNs.pair();
        a = lan.a();
        b = lan.b();
        a.ip("addr", "add", "192.0.2.100/24", "dev", "a0");
        a.ip("addr", "add", "2001:db8::100/64", "dev", "a0", "nodad");
        b.ip("addr", "add", "2001:db8::2/64", "dev", "b0", "nodad");
        lan.up();
    }

    @AfterAll
    static void tearDown() {
        if (lan != null) {
            lan.close();
        }
    }

    /** B sends one datagram to {@code vip} so that its neighbour table learns a0's MAC. */
    static void learn(String vip, String family) throws Exception {
        b.exec("bash", "-c", "echo x > /dev/udp/" + vip + "/9 || true");
        awaitNeighbour(vip, family, "02:00:00:00:00:0a", false);
    }

    static String awaitNeighbour(String vip, String family, String mac, boolean announce) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        String shown = "";
        while (System.nanoTime() < deadline) {
            shown = b.ip(family, "neigh", "show", vip, "dev", "b0");
            if (shown.contains("lladdr " + mac)) {
                return shown;
            }
            Thread.sleep(100);
        }
        fail("neighbour " + vip + " never showed " + mac + ": " + shown);
        return shown;
    }

    @Test
    void gratuitousArpUpdatesThePeersNeighbourEntry() throws Exception {
        InetAddress vip = InetAddress.getByName("192.0.2.100");
        learn("192.0.2.100", "-4");
        byte[] frame = GratuitousArp.frame(VMAC4, (Inet4Address) vip);
        try (FrameCapture capture = b.call(() -> FrameCapture.open("b0"));
             PacketSocket sender = a.call(() -> PacketSocket.open("a0"))) {
            sender.send(frame);
            byte[] seen = capture.await(FrameCapture.startsWith(Hex.parse("ff ff ff ff ff ff 00 00 5e 00 01 33 08 06")), 3000);
            assertNotNull(seen, "GARP seen on b0");
            assertEquals(Hex.format(frame), Hex.format(seen), "42 bytes, unpadded on a veth");
            assertTrue(awaitNeighbour("192.0.2.100", "-4", VMAC4.toString(), true).contains(VMAC4.toString()));
        }
    }

    @Test
    void unsolicitedNeighbourAdvertUpdatesThePeersNeighbourEntry() throws Exception {
        InetAddress vip = InetAddress.getByName("2001:db8::100");
        learn("2001:db8::100", "-6");
        byte[] frame = NeighbourAdvertisement.frame(VMAC6, (Inet6Address) vip);
        try (FrameCapture capture = b.call(() -> FrameCapture.open("b0"));
             PacketSocket sender = a.call(() -> PacketSocket.open("a0"))) {
            sender.send(frame);
            byte[] seen = capture.await(FrameCapture.startsWith(Hex.parse("33 33 00 00 00 01 00 00 5e 00 02 34 86 dd")), 3000);
            assertNotNull(seen, "NA seen on b0");
            assertEquals(Hex.format(frame), Hex.format(seen));
            assertTrue(awaitNeighbour("2001:db8::100", "-6", VMAC6.toString(), true).contains(VMAC6.toString()));
        }
    }
}
