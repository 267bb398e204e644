package org.jkeepalived.netlink.genl;

import java.nio.ByteBuffer;
import org.jkeepalived.netlink.nl.Attributes;
import org.jkeepalived.netlink.nl.MalformedNetlinkException;

/**
 * The attributes of one generic netlink message or nested attribute, indexed by type (the NLA_F_NESTED and
 * NLA_F_NET_BYTEORDER bits are masked off; the last occurrence of a type wins). Types are small in every family
 * we read, so a plain array is the index.
 */
public final class GenlAttributes {
    private static final int MAX_TYPE = 64;
    private final ByteBuffer[] byType = new ByteBuffer[MAX_TYPE];

    private GenlAttributes() {
    }

    /** Parses attributes from {@code offset} to {@code buffer}'s limit. */
    public static GenlAttributes parse(ByteBuffer buffer, int offset) {
        GenlAttributes out = new GenlAttributes();
        Attributes.parse(buffer, offset, "nla_len", (type, value) -> {
            if (type < MAX_TYPE) {
                out.byType[type] = value;
            }
        });
        return out;
    }

    public boolean has(int type) {
        return type < MAX_TYPE && byType[type] != null;
    }

    private ByteBuffer value(int type, int minLength) {
        ByteBuffer v = type < MAX_TYPE ? byType[type] : null;
        if (v != null && v.remaining() < minLength) {
            throw new MalformedNetlinkException("attribute " + type + " has " + v.remaining() + " bytes (expected "
                    + minLength + ")");
        }
        return v;
    }

    public byte[] bytes(int type) {
        return Attributes.bytes(value(type, 0));
    }

    public int u8(int type, int absent) {
        ByteBuffer v = value(type, 1);
        return v == null ? absent : v.get(0) & 0xff;
    }

    public int u16(int type, int absent) {
        ByteBuffer v = value(type, 2);
        return v == null ? absent : v.getShort(0) & 0xffff;
    }

    /** A 16-bit value in network byte order. */
    public int be16(int type, int absent) {
        ByteBuffer v = value(type, 2);
        return v == null ? absent : ((v.get(0) & 0xff) << 8) | (v.get(1) & 0xff);
    }

    public long u32(int type, long absent) {
        ByteBuffer v = value(type, 4);
        return v == null ? absent : v.getInt(0) & 0xffffffffL;
    }

    /** A 32-bit value in network byte order. */
    public long be32(int type, long absent) {
        ByteBuffer v = value(type, 4);
        return v == null ? absent : ((long) (v.get(0) & 0xff) << 24) | ((v.get(1) & 0xff) << 16)
                | ((v.get(2) & 0xff) << 8) | (v.get(3) & 0xff);
    }

    public long u64(int type, long absent) {
        ByteBuffer v = value(type, 8);
        return v == null ? absent : v.getLong(0);
    }

    /** A NUL-terminated string, or null. */
    public String string(int type) {
        return Attributes.cString(bytes(type));
    }

    /** The attributes nested in {@code type}, or null. */
    public GenlAttributes nested(int type) {
        ByteBuffer v = value(type, 0);
        return v == null ? null : parse(v, 0);
    }
}
