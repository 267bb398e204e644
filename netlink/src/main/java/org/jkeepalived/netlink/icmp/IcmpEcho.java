package org.jkeepalived.netlink.icmp;

import java.nio.ByteBuffer;

/**
 * ICMP echo request and reply (RFC 792) as pure encode/decode: type 8 request, type 0 reply, with identifier,
 * sequence number and the internet checksum over the whole message.
 */
public final class IcmpEcho {
    public static final int ECHO_REPLY = 0;
    public static final int ECHO_REQUEST = 8;

    /** An echo reply's identifier and sequence number. */
    public record Reply(int identifier, int sequence) {
    }

    private IcmpEcho() {
    }

    /** An echo request with {@code payload}. */
    public static byte[] request(int identifier, int sequence, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(8 + payload.length);
        b.put((byte) ECHO_REQUEST).put((byte) 0).putShort((short) 0)
                .putShort((short) identifier).putShort((short) sequence).put(payload);
        byte[] out = b.array();
        int sum = checksum(out, 0, out.length);
        out[2] = (byte) (sum >> 8);
        out[3] = (byte) sum;
        return out;
    }

    /**
     * The echo reply in a datagram read from a raw IPv4 ICMP socket (IP header first), or null when it is
     * something else (another ICMP type, a bad checksum, too short).
     */
    public static Reply parseIpv4(byte[] packet, int length) {
        if (length < 20) {
            return null;
        }
        int ihl = (packet[0] & 0x0f) * 4;
        if (ihl < 20 || length < ihl + 8 || (packet[0] >> 4 & 0xf) != 4) {
            return null;
        }
        if ((packet[ihl] & 0xff) != ECHO_REPLY || checksum(packet, ihl, length - ihl) != 0) {
            return null;
        }
        int id = (packet[ihl + 4] & 0xff) << 8 | packet[ihl + 5] & 0xff;
        int seq = (packet[ihl + 6] & 0xff) << 8 | packet[ihl + 7] & 0xff;
        return new Reply(id, seq);
    }

    /** The internet checksum (RFC 1071) of {@code length} bytes from {@code offset}; 0 over a valid message. */
    public static int checksum(byte[] b, int offset, int length) {
        long sum = 0;
        for (int i = 0; i + 1 < length; i += 2) {
            sum += (b[offset + i] & 0xff) << 8 | b[offset + i + 1] & 0xff;
        }
        if (length % 2 == 1) {
            sum += (b[offset + length - 1] & 0xff) << 8;
        }
        while (sum >> 16 != 0) {
            sum = (sum & 0xffff) + (sum >> 16);
        }
        return (int) (~sum & 0xffff);
    }
}
