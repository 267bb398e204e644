package org.jkeepalived.netlink.nl;

import static org.jkeepalived.netlink.nl.Netlink.NLA_HDRLEN;
import static org.jkeepalived.netlink.nl.Netlink.NLA_TYPE_MASK;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The walk over a run of netlink attributes ({@code struct nlattr}, 4-byte aligned) and the value conversions
 * that rtnetlink's and generic netlink's attribute indexes share; pure.
 */
public final class Attributes {
    private Attributes() {
    }

    /** Receives each attribute: its type without the flag bits, and its value as a native-order slice. */
    @FunctionalInterface
    public interface Visitor {
        void attribute(int type, ByteBuffer value);
    }

    /**
     * Walks the attributes from {@code offset} to {@code buffer}'s limit. A length field out of bounds throws
     * {@link MalformedNetlinkException} naming {@code lengthField} ({@code rta_len}, {@code nla_len}).
     */
    public static void parse(ByteBuffer buffer, int offset, String lengthField, Visitor visitor) {
        ByteBuffer b = buffer.duplicate().order(ByteOrder.nativeOrder());
        int off = offset;
        int end = b.limit();
        while (off + NLA_HDRLEN <= end) {
            int len = b.getShort(off) & 0xffff;
            int type = b.getShort(off + 2) & NLA_TYPE_MASK;
            if (len < NLA_HDRLEN || off + len > end) {
                throw new MalformedNetlinkException("bad " + lengthField + " " + len + " at offset " + off);
            }
            visitor.attribute(type, b.slice(off + NLA_HDRLEN, len - NLA_HDRLEN).order(ByteOrder.nativeOrder()));
            off += Netlink.align(len);
        }
    }

    /** A copy of a value's bytes, or null for an absent value. */
    public static byte[] bytes(ByteBuffer value) {
        if (value == null) {
            return null;
        }
        byte[] out = new byte[value.remaining()];
        value.duplicate().get(out);
        return out;
    }

    /** A NUL-terminated string (ASCII), or null for null. */
    public static String cString(byte[] b) {
        if (b == null) {
            return null;
        }
        int n = 0;
        while (n < b.length && b[n] != 0) {
            n++;
        }
        return new String(b, 0, n, StandardCharsets.US_ASCII);
    }
}
