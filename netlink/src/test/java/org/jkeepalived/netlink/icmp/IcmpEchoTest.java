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
}
