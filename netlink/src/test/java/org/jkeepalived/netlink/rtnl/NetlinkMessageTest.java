package org.jkeepalived.netlink.rtnl;

import static org.jkeepalived.netlink.nl.Netlink.*;
import static org.jkeepalived.netlink.rtnl.Rtnetlink.*;
import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.jkeepalived.netlink.Hex;
import org.jkeepalived.netlink.nl.MalformedNetlinkException;
import org.jkeepalived.netlink.nl.NetlinkMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NetlinkMessageTest {
    @BeforeEach
    void littleEndianHost() {
        assumeTrue(ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN);
    }

    @Test
    void cappedAckHasErrorZero() {
        NetlinkMessage m = Golden.message("ack.hex");
        assertEquals(NLMSG_ERROR, m.type());
        assertEquals(0, m.error());
        assertNull(m.extendedAckMessage());
    }

    @Test
    void refusalCarriesNegativeErrno() {
        NetlinkMessage m = Golden.message("error-eafnosupport.hex");
        assertEquals(-97, m.error());
        NetlinkException e = new NetlinkException(RTM_NEWLINK, "vrrp.51", -m.error(), m.extendedAckMessage());
        assertEquals("RTM_NEWLINK(vrrp.51) failed: EAFNOSUPPORT (97)", e.getMessage());
    }

    @Test
    void extendedAckMessageIsAppended() {
        // NLMSG_ERROR, flags CAPPED|ACK_TLVS, error -17, echoed header, then NLMSGERR_ATTR_MSG "exists"
        byte[] b = Hex.parse("""
                30 00 00 00 02 00 00 03 01 00 00 00 00 00 00 00
                ef ff ff ff 2c 00 00 00 14 00 05 06 01 00 00 00 00 00 00 00
                0b 00 01 00 65 78 69 73 74 73 00 00
                """);
        NetlinkMessage m = NetlinkMessage.parseAll(ByteBuffer.wrap(b), b.length).get(0);
        assertEquals("exists", m.extendedAckMessage());
        assertEquals("RTM_NEWADDR(x) failed: EEXIST (17): exists",
                new NetlinkException(RTM_NEWADDR, "x", 17, m.extendedAckMessage()).getMessage());
    }

    @Test
    void splitsSeveralMessagesInOneDatagram() {
        byte[] ack = Golden.bytes("ack.hex");
        byte[] two = new byte[ack.length * 2];
        System.arraycopy(ack, 0, two, 0, ack.length);
        System.arraycopy(ack, 0, two, ack.length, ack.length);
        List<NetlinkMessage> all = NetlinkMessage.parseAll(ByteBuffer.wrap(two), two.length);
        assertEquals(2, all.size());
    }

    @Test
    void badLengthIsMalformed() {
        byte[] b = Golden.bytes("ack.hex");
        b[0] = (byte) 0xff;
        MalformedNetlinkException e = assertThrows(MalformedNetlinkException.class,
                () -> NetlinkMessage.parseAll(ByteBuffer.wrap(b), b.length));
        assertEquals("bad nlmsg_len 255 at offset 0 (datagram 36)", e.getMessage());
    }

    @Test
    void badAttributeLengthIsMalformed() {
        byte[] b = Hex.parse("ff 00 01 00 00 00 00 00");
        assertThrows(MalformedNetlinkException.class, () -> RtAttributes.parse(ByteBuffer.wrap(b), 0));
    }
}
