package org.jkeepalived.vrrp.packet;

import java.nio.ByteBuffer;

/**
 * The Internet checksum (RFC 1071) as VRRP uses it, with the IPv4 and IPv6 pseudo-headers VRRPv3 adds
 * (RFC 5798 §5.2.8; for IPv6 RFC 8200 §8.1). Sums are unfolded 32-bit accumulators so that parts can be
 * added up separately and a template can add its priority byte later.
 */
final class InternetChecksum {
    /** IP protocol number of VRRP. */
    static final int PROTO_VRRP = 112;

    private InternetChecksum() {
    }

    /** Adds {@code len} bytes of {@code buf} from absolute index {@code off} (an odd tail is zero-padded). */
    static int add(ByteBuffer buf, int off, int len, int acc) {
        int end = off + len;
        int i = off;
        for (; i + 1 < end; i += 2) {
            acc += ((buf.get(i) & 0xff) << 8) | (buf.get(i + 1) & 0xff);
        }
        if (i < end) {
            acc += (buf.get(i) & 0xff) << 8;
        }
        return acc;
    }

    static int add(byte[] b, int off, int len, int acc) {
        int end = off + len;
        int i = off;
        for (; i + 1 < end; i += 2) {
            acc += ((b[i] & 0xff) << 8) | (b[i + 1] & 0xff);
        }
        if (i < end) {
            acc += (b[i] & 0xff) << 8;
        }
        return acc;
    }

    /**
     * The pseudo-header sum: IPv4 (src, dst, zero, protocol, 16-bit length) or IPv6 (src, dst, 32-bit
     * length, zeros, next header). Both sum to the same words apart from the addresses.
     */
    static int pseudoHeader(byte[] src, byte[] dst, int upperLength) {
        int acc = add(src, 0, src.length, 0);
        acc = add(dst, 0, dst.length, acc);
        return acc + PROTO_VRRP + (upperLength >>> 16) + (upperLength & 0xffff);
    }

    /** The checksum for an accumulated sum: folded to 16 bits and complemented. */
    static int finish(int acc) {
        long s = acc & 0xffffffffL;
        while ((s >>> 16) != 0) {
            s = (s & 0xffff) + (s >>> 16);
        }
        return (int) (~s & 0xffff);
    }
}
