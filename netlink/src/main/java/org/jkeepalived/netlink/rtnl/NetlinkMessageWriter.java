package org.jkeepalived.netlink.rtnl;

import static org.jkeepalived.netlink.rtnl.Rtnetlink.*;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Builds one netlink message (header, family header, attributes) into a byte buffer in host byte
 * order; pure, so requests are tested against golden bytes without a socket.
 */
public final class NetlinkMessageWriter {
    private final ByteBuffer buf;
    private final int[] nested = new int[8];
    private int depth;
    private int start;

    /** Writes at {@code buffer}'s position; the buffer is switched to native byte order. */
    public NetlinkMessageWriter(ByteBuffer buffer) {
        this.buf = buffer.order(ByteOrder.nativeOrder());
    }

    /** A writer over a fresh heap buffer of {@code capacity} bytes. */
    public static NetlinkMessageWriter allocate(int capacity) {
        return new NetlinkMessageWriter(ByteBuffer.allocate(capacity));
    }

    public NetlinkMessageWriter begin(int type, int flags, int seq) {
        start = buf.position();
        depth = 0;
        buf.putInt(0).putShort((short) type).putShort((short) flags).putInt(seq).putInt(0);
        return this;
    }

    public NetlinkMessageWriter ifinfomsg(int family, int type, int index, int flags, int change) {
        buf.put((byte) family).put((byte) 0).putShort((short) type).putInt(index).putInt(flags).putInt(change);
        return this;
    }

    public NetlinkMessageWriter ifaddrmsg(int family, int prefixLength, int flags, int scope, int index) {
        buf.put((byte) family).put((byte) prefixLength).put((byte) flags).put((byte) scope).putInt(index);
        return this;
    }

    public NetlinkMessageWriter rtmsg(int family, int dstLength, int srcLength, int table, int protocol,
                                      int scope, int type) {
        buf.put((byte) family).put((byte) dstLength).put((byte) srcLength).put((byte) 0)
                .put((byte) table).put((byte) protocol).put((byte) scope).put((byte) type).putInt(0);
        return this;
    }

    public NetlinkMessageWriter fibRuleHdr(int family, int dstLength, int srcLength, int table, int action) {
        buf.put((byte) family).put((byte) dstLength).put((byte) srcLength).put((byte) 0)
                .put((byte) table).put((byte) 0).put((byte) 0).put((byte) action).putInt(0);
        return this;
    }

    public NetlinkMessageWriter attr(int type, byte[] value) {
        buf.putShort((short) (RTA_HDRLEN + value.length)).putShort((short) type).put(value);
        pad();
        return this;
    }

    public NetlinkMessageWriter attrU8(int type, int value) {
        return attr(type, new byte[] {(byte) value});
    }

    public NetlinkMessageWriter attrU32(int type, int value) {
        buf.putShort((short) (RTA_HDRLEN + 4)).putShort((short) type).putInt(value);
        return this;
    }

    /** A NUL-terminated string attribute, as the kernel expects for names and labels. */
    public NetlinkMessageWriter attrString(int type, String value) {
        byte[] s = value.getBytes(StandardCharsets.US_ASCII);
        byte[] z = new byte[s.length + 1];
        System.arraycopy(s, 0, z, 0, s.length);
        return attr(type, z);
    }

    public NetlinkMessageWriter beginNested(int type) {
        nested[depth++] = buf.position();
        buf.putShort((short) 0).putShort((short) type);
        return this;
    }

    public NetlinkMessageWriter endNested() {
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
        buf.putInt(start + NLMSG_OFF_LEN, length);
        return length;
    }

    /** The message bytes written since {@link #begin}, for tests and logging. */
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
