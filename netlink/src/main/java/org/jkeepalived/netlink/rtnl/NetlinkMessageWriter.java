package org.jkeepalived.netlink.rtnl;

import java.nio.ByteBuffer;
import org.jkeepalived.netlink.nl.MessageWriter;

/**
 * Builds one rtnetlink message (header, family header, attributes) into a byte buffer in host byte
 * order; pure, so requests are tested against golden bytes without a socket. Nested attributes go
 * without NLA_F_NESTED, as iproute2 sends them.
 */
public final class NetlinkMessageWriter extends MessageWriter<NetlinkMessageWriter> {

    /** Writes at {@code buffer}'s position; the buffer is switched to native byte order. */
    public NetlinkMessageWriter(ByteBuffer buffer) {
        super(buffer, 0);
    }

    /** A writer over a fresh heap buffer of {@code capacity} bytes. */
    public static NetlinkMessageWriter allocate(int capacity) {
        return new NetlinkMessageWriter(ByteBuffer.allocate(capacity));
    }

    public NetlinkMessageWriter begin(int type, int flags, int seq) {
        header(type, flags, seq);
        return this;
    }

    public NetlinkMessageWriter ifinfomsg(int family, int type, int index, int flags, int change) {
        buffer().put((byte) family).put((byte) 0).putShort((short) type).putInt(index).putInt(flags).putInt(change);
        return this;
    }

    public NetlinkMessageWriter ifaddrmsg(int family, int prefixLength, int flags, int scope, int index) {
        buffer().put((byte) family).put((byte) prefixLength).put((byte) flags).put((byte) scope).putInt(index);
        return this;
    }

    public NetlinkMessageWriter rtmsg(int family, int dstLength, int srcLength, int table, int protocol,
                                      int scope, int type) {
        buffer().put((byte) family).put((byte) dstLength).put((byte) srcLength).put((byte) 0)
                .put((byte) table).put((byte) protocol).put((byte) scope).put((byte) type).putInt(0);
        return this;
    }

    public NetlinkMessageWriter fibRuleHdr(int family, int dstLength, int srcLength, int table, int action) {
        buffer().put((byte) family).put((byte) dstLength).put((byte) srcLength).put((byte) 0)
                .put((byte) table).put((byte) 0).put((byte) 0).put((byte) action).putInt(0);
        return this;
    }
}
