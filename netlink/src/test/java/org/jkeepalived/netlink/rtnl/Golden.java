package org.jkeepalived.netlink.rtnl;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.jkeepalived.netlink.Hex;
import org.jkeepalived.netlink.nl.NetlinkMessage;

/** Golden rtnetlink messages captured from iproute2 and the kernel (see the .hex headers). */
final class Golden {
    private Golden() {
    }

    static byte[] bytes(String name) {
        return Hex.resource(Golden.class, name);
    }

    /** The nlmsg_seq of a captured request, so the encoder can be given the same. */
    static int seq(byte[] message) {
        return ByteBuffer.wrap(message).order(ByteOrder.LITTLE_ENDIAN).getInt(8);
    }

    static NetlinkMessage message(String name) {
        byte[] b = bytes(name);
        List<NetlinkMessage> all = NetlinkMessage.parseAll(ByteBuffer.wrap(b), b.length);
        if (all.size() != 1) {
            throw new IllegalStateException(name + " holds " + all.size() + " messages");
        }
        return all.get(0);
    }

    static NetlinkMessageWriter writer() {
        return NetlinkMessageWriter.allocate(4096);
    }
}
