package org.jkeepalived.netlink.rtnl;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.ByteOrder;
import org.jkeepalived.netlink.Hex;
import org.jkeepalived.netlink.nl.Netlink;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NetlinkMessageWriterTest {
    @BeforeEach
    void littleEndianHost() {
        assumeTrue(ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN, "goldens are little-endian host order");
    }

    @Test
    void attributesArePaddedToFourBytesAndNestedLengthsFilled() {
        NetlinkMessageWriter w = NetlinkMessageWriter.allocate(128);
        w.begin(16, 5, 7).ifinfomsg(0, 0, 4, 0, 0)
                .attrString(3, "ab")      // len 7 -> padded to 8
                .beginNested(18).attrU8(1, 9).endNested();
        int len = w.end();
        assertEquals(16 + 16 + 8 + 4 + 8, len);
        assertEquals(Hex.format(Hex.parse("""
                34 00 00 00 10 00 05 00 07 00 00 00 00 00 00 00
                00 00 00 00 04 00 00 00 00 00 00 00 00 00 00 00
                07 00 03 00 61 62 00 00
                0c 00 12 00 05 00 01 00 09 00 00 00
                """)), Hex.format(w.toByteArray()));
    }

    @Test
    void unclosedNestIsAnError() {
        NetlinkMessageWriter w = NetlinkMessageWriter.allocate(64);
        w.begin(16, 1, 1).beginNested(18);
        assertThrows(IllegalStateException.class, w::end);
    }

    @Test
    void alignRoundsUpToFour() {
        assertEquals(0, Netlink.align(0));
        assertEquals(8, Netlink.align(5));
        assertEquals(8, Netlink.align(8));
    }
}
