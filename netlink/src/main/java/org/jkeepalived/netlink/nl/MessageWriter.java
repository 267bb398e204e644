package org.jkeepalived.netlink.nl;

import static org.jkeepalived.netlink.nl.Netlink.NLA_HDRLEN;
import static org.jkeepalived.netlink.nl.Netlink.NLMSG_OFF_LEN;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The part of a netlink message builder that every family shares: the {@code nlmsghdr}, attributes with 4-byte
 * alignment, nested attributes and the final length; writes into a byte buffer in host byte order, pure, so
 * requests are tested against golden bytes without a socket. A family's writer adds its own header after
 * {@link #header} ({@code W} is that writer, so the calls chain).
 */
public abstract class MessageWriter<W extends MessageWriter<W>> {
    private static final int MAX_DEPTH = 8;
    private final ByteBuffer buf;
    private final int nestedFlag;
    private final int[] nested = new int[MAX_DEPTH];
    private int depth;
    private int start;

    /**
     * Writes at {@code buffer}'s position (the buffer is switched to native byte order); {@code nestedFlag} is
     * or-ed into the type of a nested attribute (NLA_F_NESTED, or 0 where the family's tools send none).
     */
    protected MessageWriter(ByteBuffer buffer, int nestedFlag) {
        this.buf = buffer.order(ByteOrder.nativeOrder());
        this.nestedFlag = nestedFlag;
    }

    @SuppressWarnings("unchecked")
    private W self() {
        return (W) this;
    }

    /** Starts a message with its nlmsghdr (length filled in by {@link #end}). */
    protected final void header(int type, int flags, int seq) {
        start = buf.position();
        depth = 0;
        buf.putInt(0).putShort((short) type).putShort((short) flags).putInt(seq).putInt(0);
    }

    public W attr(int type, byte[] value) {
        buf.putShort((short) (NLA_HDRLEN + value.length)).putShort((short) type).put(value);
        pad();
        return self();
    }

    public W attrU8(int type, int value) {
        buf.putShort((short) (NLA_HDRLEN + 1)).putShort((short) type).put((byte) value);
        pad();
        return self();
    }

    public W attrU16(int type, int value) {
        buf.putShort((short) (NLA_HDRLEN + 2)).putShort((short) type).putShort((short) value);
        pad();
        return self();
    }

    /** A 16-bit value in network byte order (ports). */
    public W attrBe16(int type, int value) {
        buf.putShort((short) (NLA_HDRLEN + 2)).putShort((short) type).put((byte) (value >> 8)).put((byte) value);
        pad();
        return self();
    }

    public W attrU32(int type, int value) {
        buf.putShort((short) (NLA_HDRLEN + 4)).putShort((short) type).putInt(value);
        return self();
    }

    /** A 32-bit value in network byte order (IPv4 netmasks). */
    public W attrBe32(int type, int value) {
        buf.putShort((short) (NLA_HDRLEN + 4)).putShort((short) type)
                .put((byte) (value >>> 24)).put((byte) (value >> 16)).put((byte) (value >> 8)).put((byte) value);
        return self();
    }

    public W attrU64(int type, long value) {
        buf.putShort((short) (NLA_HDRLEN + 8)).putShort((short) type).putLong(value);
        return self();
    }

    /** A NUL-terminated string attribute, as the kernel expects for names and labels. */
    public W attrString(int type, String value) {
        byte[] s = value.getBytes(StandardCharsets.US_ASCII);
        buf.putShort((short) (NLA_HDRLEN + s.length + 1)).putShort((short) type).put(s).put((byte) 0);
        pad();
        return self();
    }

    public W beginNested(int type) {
        if (depth == MAX_DEPTH) {
            throw new IllegalStateException("attributes nested deeper than " + MAX_DEPTH);
        }
        nested[depth++] = buf.position();
        buf.putShort((short) 0).putShort((short) (type | nestedFlag));
        return self();
    }

    public W endNested() {
        int at = nested[--depth];
        buf.putShort(at, (short) (buf.position() - at));
        return self();
    }

    /** Stores the message length in the header and returns it. */
    public int end() {
        if (depth != 0) {
            throw new IllegalStateException("unclosed nested attribute");
        }
        int length = buf.position() - start;
        buf.putInt(start + NLMSG_OFF_LEN, length);
        return length;
    }

    /** The message bytes written since the header, for tests and logging. */
    public byte[] toByteArray() {
        byte[] out = new byte[buf.position() - start];
        buf.get(start, out);
        return out;
    }

    public ByteBuffer buffer() {
        return buf;
    }

    private void pad() {
        while ((buf.position() & 3) != 0) {
            buf.put((byte) 0);
        }
    }
}
