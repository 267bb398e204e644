package org.jkeepalived.netlink.announce;

import static org.junit.jupiter.api.Assertions.*;

import java.net.Inet6Address;
import java.net.InetAddress;
import org.jkeepalived.netlink.Hex;
import org.jkeepalived.netlink.MacAddress;
import org.junit.jupiter.api.Test;

class NeighbourAdvertisementTest {
    @Test
    void matchesKeepalivedCaptureIncludingChecksum() throws Exception {
        byte[] golden = Hex.resource(NeighbourAdvertisementTest.class, "keepalived-na.hex");
        byte[] frame = NeighbourAdvertisement.frame(MacAddress.vrrp(52, true),
                (Inet6Address) InetAddress.getByName("2001:db8::100"));
        assertEquals(NeighbourAdvertisement.LENGTH, frame.length);
        assertEquals(Hex.format(golden), Hex.format(frame));
    }

    @Test
    void checksumOfAFrameVerifiesToZero() throws Exception {
        byte[] f = NeighbourAdvertisement.frame(MacAddress.parse("02:00:00:00:00:0a"),
                (Inet6Address) InetAddress.getByName("2001:db8:ffff::1"));
        byte[] src = java.util.Arrays.copyOfRange(f, 22, 38);
        byte[] dst = java.util.Arrays.copyOfRange(f, 38, 54);
        // summing a packet that carries its own checksum gives 0 after complement
        assertEquals(0, NeighbourAdvertisement.checksum(src, dst, f, 54, 32));
        assertEquals((byte) 255, f[21], "hop limit");
        assertEquals((byte) 0x20, f[58], "Override only");
    }
}
