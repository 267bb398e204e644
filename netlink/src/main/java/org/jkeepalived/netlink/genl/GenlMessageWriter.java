package org.jkeepalived.netlink.genl;

import static org.jkeepalived.netlink.rtnl.Rtnetlink.NLA_F_NESTED;
import static org.jkeepalived.netlink.rtnl.Rtnetlink.NLMSG_HDRLEN;
import static org.jkeepalived.netlink.rtnl.Rtnetlink.RTA_HDRLEN;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Builds one generic netlink message (nlmsghdr, genlmsghdr, attributes) into a byte buffer in host byte order;
 * pure, so requests are tested against golden bytes without a socket. Nested attributes carry NLA_F_NESTED, as
 * libnl (and so ipvsadm) sends them.
 */
public final class GenlMessageWriter {
    private static final int MAX_DEPTH = 8;
    private final ByteBuffer buf;
    private final int[] nested = new int[MAX_DEPTH];
    private int depth;
    private int start;

    /** Writes at {@code buffer}'s position; the buffer is switched to native byte order. */
    public GenlMessageWriter(ByteBuffer buffer) {
        this.buf = buffer.order(ByteOrder.nativeOrder());
    }

    public static GenlMessageWriter allocate(int capacity) {
        return new GenlMessageWriter(ByteBuffer.allocate(capacity));
    }

    /** Starts a message to {@code family} (its id) with command {@code cmd} of the family's {@code version}. */
    public GenlMessageWriter begin(int family, int flags, int seq, int cmd, int version) {
        start = buf.position();
        depth = 0;
        buf.putInt(0).putShort((short) family).putShort((short) flags).putInt(seq).putInt(0);
        buf.put((byte) cmd).put((byte) version).putShort((short) 0);
        return this;
    }

    public GenlMessageWriter attr(int type, byte[] value) {
        buf.putShort((short) (RTA_HDRLEN + value.length)).putShort((short) type).put(value);
        pad();
        return this;
    }

    public GenlMessageWriter attrU8(int type, int value) {
        buf.putShort((short) (RTA_HDRLEN + 1)).putShort((short) type).put((byte) value);
        pad();
        return this;
    }

    public GenlMessageWriter attrU16(int type, int value) {
        buf.putShort((short) (RTA_HDRLEN + 2)).putShort((short) type).putShort((short) value);
        pad();
        return this;
    }

    /** A 16-bit value in network byte order (ports). */
    public GenlMessageWriter attrBe16(int type, int value) {
        buf.putShort((short) (RTA_HDRLEN + 2)).putShort((short) type)
                .put((byte) (value >> 8)).put((byte) value);
        pad();
        return this;
    }

    public GenlMessageWriter attrU32(int type, int value) {
        buf.putShort((short) (RTA_HDRLEN + 4)).putShort((short) type).putInt(value);
        return this;
    }

    /** A 32-bit value in network byte order (IPv4 netmasks). */
    public GenlMessageWriter attrBe32(int type, int value) {
        buf.putShort((short) (RTA_HDRLEN + 4)).putShort((short) type)
                .put((byte) (value >>> 24)).put((byte) (value >> 16)).put((byte) (value >> 8)).put((byte) value);
        return this;
    }

    public GenlMessageWriter attrU64(int type, long value) {
        buf.putShort((short) (RTA_HDRLEN + 8)).putShort((short) type).putLong(value);
        return this;
    }

    /** A NUL-terminated string attribute. */
    public GenlMessageWriter attrString(int type, String value) {
        byte[] s = value.getBytes(StandardCharsets.US_ASCII);
        buf.putShort((short) (RTA_HDRLEN + s.length + 1)).putShort((short) type).put(s).put((byte) 0);
        pad();
        return this;
    }

    public GenlMessageWriter beginNested(int type) {
        if (depth == MAX_DEPTH) {
            throw new IllegalStateException("attributes nested deeper than " + MAX_DEPTH);
        }
        nested[depth++] = buf.position();
        buf.putShort((short) 0).putShort((short) (type | NLA_F_NESTED));
        return this;
    }

    public GenlMessageWriter endNested() {
        int at = nested[--depth];
        buf.putShort(at, (short) (buf.position() - at));
        return this;
    }

    /** Stores the message length in the header and returns it. */
    public int end() {
        if (depth != 0) {
            throw new IllegalStateException("unclosed nested attribute");
        }
        int length = buf.position() - start;
        buf.putInt(start, length);
        return length;
    }

    /** The bytes written since {@link #begin}. */
    public byte[] toByteArray() {
        byte[] out = new byte[buf.position() - start];
        buf.get(start, out);
        return out;
    }

    /** Offset of the first attribute relative to the message start. */
    static int attributesOffset() {
        return NLMSG_HDRLEN + Genetlink.GENL_HDRLEN;
    }

    private void pad() {
        while ((buf.position() & 3) != 0) {
            buf.put((byte) 0);
        }
    }
}
