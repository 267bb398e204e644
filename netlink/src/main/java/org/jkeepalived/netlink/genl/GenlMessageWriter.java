package org.jkeepalived.netlink.genl;

import static org.jkeepalived.netlink.nl.Netlink.NLA_F_NESTED;

import java.nio.ByteBuffer;
import org.jkeepalived.netlink.nl.MessageWriter;

/**
 * Builds one generic netlink message (nlmsghdr, genlmsghdr, attributes) into a byte buffer in host byte order;
 * pure, so requests are tested against golden bytes without a socket. Nested attributes carry NLA_F_NESTED, as
 * libnl (and so ipvsadm) sends them.
 */
public final class GenlMessageWriter extends MessageWriter<GenlMessageWriter> {

    /** Writes at {@code buffer}'s position; the buffer is switched to native byte order. */
    public GenlMessageWriter(ByteBuffer buffer) {
        super(buffer, NLA_F_NESTED);
    }

    public static GenlMessageWriter allocate(int capacity) {
        return new GenlMessageWriter(ByteBuffer.allocate(capacity));
    }

    /** Starts a message to {@code family} (its id) with command {@code cmd} of the family's {@code version}. */
    public GenlMessageWriter begin(int family, int flags, int seq, int cmd, int version) {
        header(family, flags, seq);
        buffer().put((byte) cmd).put((byte) version).putShort((short) 0);
        return this;
    }
}
