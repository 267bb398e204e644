package org.jkeepalived.netlink.genl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.util.List;
import org.jkeepalived.netlink.Hex;
import org.jkeepalived.netlink.nl.MalformedNetlinkException;
import org.jkeepalived.netlink.nl.NetlinkMessage;
import org.junit.jupiter.api.Test;

class GenlMessageTest {

    private static byte[] golden(String name) {
        return Hex.resource(GenlMessageTest.class, name);
    }

    @Test
    void getFamilyRequestIsByteIdenticalToLibnl() {
        GenlMessageWriter w = GenlMessageWriter.allocate(256);
        GenlMessage.encodeGetFamily(w, 1, "IPVS");
        assertEquals(Hex.format(golden("ctrl-getfamily-ipvs.hex")), Hex.format(w.toByteArray()));
    }

    @Test
    void newFamilyReplyGivesTheIpvsFamilyId() {
        byte[] b = golden("ctrl-newfamily-ipvs.hex");
        List<NetlinkMessage> ms = NetlinkMessage.parseAll(ByteBuffer.wrap(b), b.length);
        GenlMessage m = GenlMessage.of(ms.get(0));
        assertEquals(Genetlink.GENL_ID_CTRL, m.family());
        assertEquals(Genetlink.CTRL_CMD_NEWFAMILY, m.cmd());
        assertEquals(0x20, m.attributes().u16(Genetlink.CTRL_ATTR_FAMILY_ID, -1));
        assertEquals("IPVS", m.attributes().string(Genetlink.CTRL_ATTR_FAMILY_NAME));
        assertEquals(1, m.attributes().u32(Genetlink.CTRL_ATTR_VERSION, -1));
    }

    @Test
    void writerLaysOutEveryAttributeKindAligned() {
        GenlMessageWriter w = GenlMessageWriter.allocate(256);
        w.begin(0x20, 0x5, 7, 1, 1)
                .attrU8(1, 0xab)
                .attrU16(2, 0x1234)
                .attrBe16(3, 80)
                .beginNested(4).attrU32(1, 5).attrBe32(2, 0xffffff00).attrU64(3, 1L << 40).endNested()
                .attrString(5, "rr");
        int length = w.end();
        byte[] b = w.toByteArray();
        assertEquals(length, b.length);
        GenlMessage m = GenlMessage.of(NetlinkMessage.parseAll(ByteBuffer.wrap(b), b.length).get(0));
        GenlAttributes a = m.attributes();
        assertEquals(0xab, a.u8(1, -1));
        assertEquals(0x1234, a.u16(2, -1));
        assertEquals(80, a.be16(3, -1));
        assertEquals(5, a.nested(4).u32(1, -1));
        assertEquals(0xffffff00L, a.nested(4).be32(2, -1));
        assertEquals(1L << 40, a.nested(4).u64(3, -1));
        assertEquals("rr", a.string(5));
        assertArrayEquals(new byte[] {0x00, 0x50}, a.bytes(3));
        assertEquals(0, b.length % 4);
    }

    @Test
    void truncatedAttributeIsRejected() {
        byte[] bad = {8, 0, 1, 0, 1, 2};
        assertThrows(MalformedNetlinkException.class, () -> GenlAttributes.parse(ByteBuffer.wrap(bad), 0));
        byte[] shortValue = {5, 0, 1, 0, 9, 0, 0, 0};
        assertThrows(MalformedNetlinkException.class,
                () -> GenlAttributes.parse(ByteBuffer.wrap(shortValue), 0).u32(1, 0));
    }
}
