package org.jkeepalived.netlink.announce;

import static org.junit.jupiter.api.Assertions.*;

import java.net.Inet4Address;
import java.net.InetAddress;
import org.jkeepalived.netlink.Hex;
import org.jkeepalived.netlink.MacAddress;
import org.junit.jupiter.api.Test;

class GratuitousArpTest {
    @Test
    void matchesKeepalivedCapture() throws Exception {
        byte[] golden = Hex.resource(GratuitousArpTest.class, "keepalived-garp.hex");
        byte[] frame = GratuitousArp.frame(MacAddress.vrrp(51, false),
                (Inet4Address) InetAddress.getByName("192.0.2.100"));
        assertEquals(GratuitousArp.LENGTH, frame.length);
        assertEquals(Hex.format(golden), Hex.format(frame));
    }

    @Test
    void isAnArpRequestWithVipAsSenderAndTarget() throws Exception {
        byte[] f = GratuitousArp.frame(MacAddress.parse("02:00:00:00:00:0a"),
                (Inet4Address) InetAddress.getByName("198.51.100.7"));
        assertEquals("ff ff ff ff ff ff 02 00 00 00 00 0a 08 06", Hex.format(java.util.Arrays.copyOf(f, 14)));
        assertEquals(1, f[21], "ARP op request");
        assertEquals("c6 33 64 07", Hex.format(java.util.Arrays.copyOfRange(f, 28, 32)));
        assertEquals("c6 33 64 07", Hex.format(java.util.Arrays.copyOfRange(f, 38, 42)));
    }
}
