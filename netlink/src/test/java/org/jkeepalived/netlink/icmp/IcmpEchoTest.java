package org.jkeepalived.netlink.icmp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class IcmpEchoTest {
    @Test
    void requestHasTypeIdSequenceAndChecksum() {
        byte[] r = IcmpEcho.request(0x1234, 1, new byte[] {'a', 'b'});
        assertArrayEquals(new byte[] {
            8, 0, // type echo request, code
            (byte) 0x84, 0x68, // checksum: ~(0x0800 + 0x1234 + 0x0001 + 0x6162)
            0x12, 0x34, // identifier
            0, 1, // sequence
            'a', 'b'}, r);
        assertEquals(0, IcmpEcho.checksum(r, 0, r.length));
    }

    @Test
    void parsesAnEchoReplyAfterTheIpHeader() {
        byte[] icmp = IcmpEcho.request(0x1234, 7, new byte[] {1, 2, 3});
        icmp[0] = IcmpEcho.ECHO_REPLY;
        icmp[2] = 0;
        icmp[3] = 0;
        int sum = IcmpEcho.checksum(icmp, 0, icmp.length);
        icmp[2] = (byte) (sum >> 8);
        icmp[3] = (byte) sum;
        byte[] packet = new byte[20 + icmp.length];
        packet[0] = 0x45; // IPv4, 20-byte header
        System.arraycopy(icmp, 0, packet, 20, icmp.length);
        assertEquals(new IcmpEcho.Reply(0x1234, 7), IcmpEcho.parseIpv4(packet, packet.length));
        packet[20] = IcmpEcho.ECHO_REQUEST;
        assertNull(IcmpEcho.parseIpv4(packet, packet.length), "a request (or a bad checksum) is not a reply");
    }

    @Test
    void ipv6RequestLeavesTheChecksumToTheKernel() {
        assertArrayEquals(new byte[] {
            (byte) 128, 0, // type echo request, code
            0, 0, // checksum: the kernel's (it covers the IPv6 pseudo-header)
            0x12, 0x34, // identifier
            0, 2, // sequence
            'a'}, IcmpEcho.requestIpv6(0x1234, 2, new byte[] {'a'}));
    }

    @Test
    void parsesAnIpv6EchoReplyWithoutAnIpHeader() {
        byte[] reply = {(byte) 129, 0, 0x5a, 0x5a, 0x12, 0x34, 0, 9, 'x'};
        assertEquals(new IcmpEcho.Reply(0x1234, 9), IcmpEcho.parseIpv6(reply, reply.length));
        assertNull(IcmpEcho.parseIpv6(reply, 7), "too short");
        reply[0] = (byte) 128;
        assertNull(IcmpEcho.parseIpv6(reply, reply.length), "a request is not a reply");
        reply[0] = (byte) 135;
        assertNull(IcmpEcho.parseIpv6(reply, reply.length), "a neighbour solicitation is not a reply");
    }

    @Test
    void icmp6FilterPassesOnlyEchoReplies() {
        java.nio.ByteBuffer f = java.nio.ByteBuffer.wrap(IcmpEchoSocket.echoReplyFilter())
                .order(java.nio.ByteOrder.nativeOrder());
        for (int type = 0; type < 256; type++) {
            boolean blocked = (f.getInt((type >> 5) * 4) & 1 << (type & 31)) != 0;
            assertEquals(type != 129, blocked, "type " + type);
        }
    }
}
