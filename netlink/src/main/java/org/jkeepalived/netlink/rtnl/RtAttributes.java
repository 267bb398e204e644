package org.jkeepalived.netlink.rtnl;

import static org.jkeepalived.netlink.rtnl.Rtnetlink.*;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

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
        ByteBuffer b = buffer.duplicate().order(ByteOrder.nativeOrder());
        Map<Integer, ByteBuffer> map = new HashMap<>();
        int off = offset;
        int end = b.limit();
        while (off + RTA_HDRLEN <= end) {
            int len = b.getShort(off) & 0xffff;
            int type = b.getShort(off + 2) & 0x3fff;
            if (len < RTA_HDRLEN || off + len > end) {
                throw new MalformedNetlinkException("bad rta_len " + len + " at offset " + off);
            }
            map.put(type, b.slice(off + RTA_HDRLEN, len - RTA_HDRLEN).order(ByteOrder.nativeOrder()));
            off += align(len);
        }
        return new RtAttributes(map);
    }

    public boolean has(int type) {
        return byType.containsKey(type);
    }

    /** The value bytes, or null. */
    public byte[] bytes(int type) {
        ByteBuffer v = byType.get(type);
        if (v == null) {
            return null;
        }
        byte[] out = new byte[v.remaining()];
        v.duplicate().get(out);
        return out;
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
        byte[] b = bytes(type);
        return b == null ? null : cString(b);
    }

    /** The attributes nested inside {@code type}, or null. */
    public RtAttributes nested(int type) {
        ByteBuffer v = byType.get(type);
        return v == null ? null : parse(v, 0);
    }

    static String cString(byte[] b) {
        int n = 0;
        while (n < b.length && b[n] != 0) {
            n++;
        }
        return new String(b, 0, n, StandardCharsets.US_ASCII);
    }
}
