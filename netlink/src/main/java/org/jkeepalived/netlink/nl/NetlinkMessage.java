package org.jkeepalived.netlink.nl;

import static org.jkeepalived.netlink.nl.Netlink.*;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * One received netlink message: its header fields and its body (everything after {@code nlmsghdr})
 * as a buffer in host byte order positioned at 0.
 */
public record NetlinkMessage(int type, int flags, int seq, int pid, ByteBuffer body) {

    /**
     * Splits a datagram of {@code length} bytes into its messages. Throws
     * {@link MalformedNetlinkException} when a length field does not fit.
     */
    public static List<NetlinkMessage> parseAll(ByteBuffer datagram, int length) {
        ByteBuffer b = datagram.duplicate().order(ByteOrder.nativeOrder());
        List<NetlinkMessage> out = new ArrayList<>();
        int off = 0;
        while (off + NLMSG_HDRLEN <= length) {
            int len = b.getInt(off + NLMSG_OFF_LEN);
            if (len < NLMSG_HDRLEN || off + len > length) {
                throw new MalformedNetlinkException("bad nlmsg_len " + len + " at offset " + off + " (datagram " + length + ")");
            }
            ByteBuffer body = b.slice(off + NLMSG_HDRLEN, len - NLMSG_HDRLEN).order(ByteOrder.nativeOrder());
            out.add(new NetlinkMessage(b.getShort(off + NLMSG_OFF_TYPE) & 0xffff,
                    b.getShort(off + NLMSG_OFF_FLAGS) & 0xffff, b.getInt(off + NLMSG_OFF_SEQ),
                    b.getInt(off + NLMSG_OFF_PID), body));
            off += align(len);
        }
        return out;
    }

    /** For NLMSG_ERROR: the negative errno (0 for an ACK). */
    public int error() {
        return body.getInt(0);
    }

    /** For NLMSG_ERROR with extended ack: the kernel's text (NLMSGERR_ATTR_MSG), or null. */
    public String extendedAckMessage() {
        if ((flags & NLM_F_ACK_TLVS) == 0) {
            return null;
        }
        int offset = 4 + NLMSG_HDRLEN;
        if ((flags & NLM_F_CAPPED) == 0) {
            offset = 4 + align(body.getInt(4));
        }
        if (offset > body.limit()) {
            return null;
        }
        ByteBuffer[] msg = new ByteBuffer[1];
        Attributes.parse(body, offset, "rta_len", (type, value) -> {
            if (type == NLMSGERR_ATTR_MSG) {
                msg[0] = value;
            }
        });
        return Attributes.cString(Attributes.bytes(msg[0]));
    }
}
