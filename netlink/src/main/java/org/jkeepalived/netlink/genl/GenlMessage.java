package org.jkeepalived.netlink.genl;

import java.nio.ByteBuffer;
import org.jkeepalived.netlink.nl.MalformedNetlinkException;
import org.jkeepalived.netlink.nl.NetlinkMessage;

/** One received generic netlink message: its family id, command, version and attributes. */
public record GenlMessage(int family, int flags, int seq, int cmd, int version, GenlAttributes attributes) {

    /** Decodes a netlink message whose body starts with a genlmsghdr. */
    public static GenlMessage of(NetlinkMessage m) {
        ByteBuffer body = m.body();
        if (body.limit() < Genetlink.GENL_HDRLEN) {
            throw new MalformedNetlinkException("generic netlink message of " + body.limit() + " bytes");
        }
        return new GenlMessage(m.type(), m.flags(), m.seq(), body.get(0) & 0xff, body.get(1) & 0xff,
                GenlAttributes.parse(body, Genetlink.GENL_HDRLEN));
    }

    /** Encodes a CTRL_CMD_GETFAMILY request for {@code name}, as libnl's genl_ctrl_resolve does. */
    public static int encodeGetFamily(GenlMessageWriter w, int seq, String name) {
        w.begin(Genetlink.GENL_ID_CTRL, 0x1 | 0x4, seq, Genetlink.CTRL_CMD_GETFAMILY, Genetlink.CTRL_VERSION)
                .attrString(Genetlink.CTRL_ATTR_FAMILY_NAME, name);
        return w.end();
    }
}
