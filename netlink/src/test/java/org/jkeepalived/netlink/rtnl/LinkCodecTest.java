package org.jkeepalived.netlink.rtnl;

import static org.jkeepalived.netlink.rtnl.Rtnetlink.*;
import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.ByteOrder;
import org.jkeepalived.netlink.Hex;
import org.jkeepalived.netlink.MacAddress;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LinkCodecTest {
    @BeforeEach
    void littleEndianHost() {
        assumeTrue(ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN);
    }

    @Test
    void macvlanPrivateMatchesIproute2() {
        byte[] golden = Golden.bytes("newlink-macvlan.hex");
        NetlinkMessageWriter w = Golden.writer();
        LinkCodec.encodeMacvlan(w, Golden.seq(golden), "vrrp.51", 3, MacAddress.vrrp(51, false), MACVLAN_MODE_PRIVATE);
        assertEquals(Hex.format(golden), Hex.format(w.toByteArray()));
    }

    @Test
    void addrGenModeNoneMatchesIproute2() {
        byte[] golden = Golden.bytes("setlink-addrgenmode-none.hex");
        NetlinkMessageWriter w = Golden.writer();
        LinkCodec.encodeAddrGenModeNone(w, Golden.seq(golden), 4);
        assertEquals(Hex.format(golden), Hex.format(w.toByteArray()));
    }

    @Test
    void decodesKernelVethUpWithCarrier() {
        Link l = LinkCodec.decode(Golden.message("kernel-newlink-veth0.hex"));
        assertEquals(3, l.index());
        assertEquals("veth0", l.name());
        assertEquals(MacAddress.parse("02:00:00:00:00:0a"), l.mac());
        assertEquals(1500, l.mtu());
        assertEquals("veth", l.kind());
        assertTrue(l.isUp() && l.isLowerUp() && l.isRunning() && l.isOperational());
    }

    @Test
    void decodesKernelMacvlanDown() {
        Link l = LinkCodec.decode(Golden.message("kernel-newlink-macvlan.hex"));
        assertEquals("vrrp.51", l.name());
        assertEquals(4, l.index());
        assertEquals(3, l.parentIndex());
        assertEquals("macvlan", l.kind());
        assertEquals(MacAddress.vrrp(51, false), l.mac());
        assertFalse(l.isUp());
        assertFalse(l.isOperational());
    }

    @Test
    void setUpChangesOnlyTheUpFlag() {
        NetlinkMessageWriter w = Golden.writer();
        LinkCodec.encodeSetUp(w, 1, 4, true);
        assertEquals("20 00 00 00 10 00 05 00 01 00 00 00 00 00 00 00 "
                + "00 00 00 00 04 00 00 00 01 00 00 00 01 00 00 00", Hex.format(w.toByteArray()));
    }
}
