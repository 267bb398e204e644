package org.jkeepalived.netlink.rtnl;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import org.jkeepalived.netlink.nl.Attributes;

/**
 * The {@code rtattr} attributes of one message (or one nested attribute), by type. The last
 * occurrence of a type wins; the NLA_F_NESTED bit is masked off.
 */
public final class RtAttributes {
    private final Map<Integer, ByteBuffer> byType;

    private RtAttributes(Map<Integer, ByteBuffer> byType) {
        this.byType = byType;
    }

    /** Parses attributes from {@code offset} to {@code buffer}'s limit. */
    public static RtAttributes parse(ByteBuffer buffer, int offset) {
        Map<Integer, ByteBuffer> map = new HashMap<>();
        Attributes.parse(buffer, offset, "rta_len", map::put);
        return new RtAttributes(map);
    }

    public boolean has(int type) {
        return byType.containsKey(type);
    }

    /** The value bytes, or null. */
    public byte[] bytes(int type) {
        return Attributes.bytes(byType.get(type));
    }

    /** A u32 value, or {@code absent}. */
    public long u32(int type, long absent) {
        ByteBuffer v = byType.get(type);
        return v == null || v.remaining() < 4 ? absent : v.getInt(0) & 0xffffffffL;
    }

    /** A u8 value, or {@code absent}. */
    public int u8(int type, int absent) {
        ByteBuffer v = byType.get(type);
        return v == null || v.remaining() < 1 ? absent : v.get(0) & 0xff;
    }

    /** A NUL-terminated string value, or null. */
    public String string(int type) {
        return Attributes.cString(bytes(type));
    }

    /** The attributes nested inside {@code type}, or null. */
    public RtAttributes nested(int type) {
        ByteBuffer v = byType.get(type);
        return v == null ? null : parse(v, 0);
    }
}
