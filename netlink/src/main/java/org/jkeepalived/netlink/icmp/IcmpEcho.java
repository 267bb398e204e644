package org.jkeepalived.netlink.icmp;

import java.nio.ByteBuffer;

/**
 * ICMP echo request and reply (RFC 792; ICMPv6, RFC 4443 §4) as pure encode/decode: type 8 (ICMPv6 128) request,
 * type 0 (ICMPv6 129) reply, with identifier and sequence number. An ICMP message carries the internet checksum
 * over the whole message; an ICMPv6 one is left at 0, as its checksum covers the IPv6 pseudo-header and the
 * kernel fills and verifies it on every raw ICMPv6 socket.
 */
public final class IcmpEcho {
    public static final int ECHO_REPLY = 0;
    public static final int ECHO_REQUEST = 8;
    public static final int ECHO6_REQUEST = 128;
    public static final int ECHO6_REPLY = 129;

    /** An echo reply's identifier and sequence number. */
    public record Reply(int identifier, int sequence) {
    }

    private IcmpEcho() {
    }

    /** An ICMP echo request with {@code payload}. */
    public static byte[] request(int identifier, int sequence, byte[] payload) {
        byte[] out = message(ECHO_REQUEST, identifier, sequence, payload);
        int sum = checksum(out, 0, out.length);
        out[2] = (byte) (sum >> 8);
        out[3] = (byte) sum;
        return out;
    }

    /** An ICMPv6 echo request with {@code payload} and a zero checksum (the kernel's to fill). */
    public static byte[] requestIpv6(int identifier, int sequence, byte[] payload) {
        return message(ECHO6_REQUEST, identifier, sequence, payload);
    }

    private static byte[] message(int type, int identifier, int sequence, byte[] payload) {
        return ByteBuffer.allocate(8 + payload.length).put((byte) type).put((byte) 0).putShort((short) 0)
                .putShort((short) identifier).putShort((short) sequence).put(payload).array();
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
        return reply(packet, ihl);
    }

    /**
     * The echo reply in a datagram read from a raw ICMPv6 socket (no IPv6 header; the kernel checked the
     * checksum), or null when it is something else (another ICMPv6 type, too short).
     */
    public static Reply parseIpv6(byte[] packet, int length) {
        if (length < 8 || (packet[0] & 0xff) != ECHO6_REPLY || packet[1] != 0) {
            return null;
        }
        return reply(packet, 0);
    }

    private static Reply reply(byte[] packet, int at) {
        int id = (packet[at + 4] & 0xff) << 8 | packet[at + 5] & 0xff;
        int seq = (packet[at + 6] & 0xff) << 8 | packet[at + 7] & 0xff;
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
