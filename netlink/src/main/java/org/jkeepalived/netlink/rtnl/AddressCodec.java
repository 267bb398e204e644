package org.jkeepalived.netlink.rtnl;

import static org.jkeepalived.netlink.nl.Netlink.*;
import static org.jkeepalived.netlink.rtnl.Rtnetlink.*;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.jkeepalived.netlink.nl.MalformedNetlinkException;
import org.jkeepalived.netlink.nl.NetlinkMessage;

/** Encodes RTM_NEWADDR/RTM_DELADDR requests and decodes address messages (pure). */
public final class AddressCodec {
    private AddressCodec() {
    }

    /**
     * Writes an RTM_NEWADDR or RTM_DELADDR request for {@code a} byte for byte as {@code ip addr}
     * does: IFA_LOCAL, IFA_BROADCAST, IFA_LABEL, IFA_ADDRESS (= the local address), then IFA_FLAGS
     * only for flags that do not fit the 8-bit {@code ifa_flags}.
     */
    public static void encode(NetlinkMessageWriter w, int type, int flags, int seq, Address a) {
        byte[] addr = a.address().getAddress();
        w.begin(type, flags, seq)
                .ifaddrmsg(a.family(), a.prefixLength(), a.flags() & 0xff, a.scope(), a.ifindex())
                .attr(IFA_LOCAL, addr);
        if (a.broadcast() != null) {
            w.attr(IFA_BROADCAST, a.broadcast().getAddress());
        }
        if (a.label() != null) {
            w.attrString(IFA_LABEL, a.label());
        }
        w.attr(IFA_ADDRESS, addr);
        if ((a.flags() & ~0xff) != 0) {
            w.attrU32(IFA_FLAGS, a.flags());
        }
        w.end();
    }

    /** Writes an RTM_GETADDR dump request for one family (0: all). */
    public static void encodeDump(NetlinkMessageWriter w, int seq, int family) {
        w.begin(RTM_GETADDR, NLM_F_REQUEST | NLM_F_DUMP, seq).ifaddrmsg(family, 0, 0, 0, 0).end();
    }

    /** Decodes an RTM_NEWADDR/RTM_DELADDR message. */
    public static Address decode(NetlinkMessage m) {
        var b = m.body();
        if (b.limit() < IFADDRMSG_LEN) {
            throw new MalformedNetlinkException("ifaddrmsg too short: " + b.limit());
        }
        int prefix = b.get(1) & 0xff;
        int flags = b.get(2) & 0xff;
        int scope = b.get(3) & 0xff;
        int index = b.getInt(4);
        RtAttributes attrs = RtAttributes.parse(b, IFADDRMSG_LEN);
        byte[] local = attrs.bytes(IFA_LOCAL);
        if (local == null) {
            local = attrs.bytes(IFA_ADDRESS);
        }
        if (local == null) {
            throw new MalformedNetlinkException("address message without IFA_LOCAL or IFA_ADDRESS");
        }
        flags = (int) attrs.u32(IFA_FLAGS, flags);
        byte[] brd = attrs.bytes(IFA_BROADCAST);
        return new Address(index, inet(local), prefix, brd == null ? null : inet(brd), scope,
                attrs.string(IFA_LABEL), flags);
    }

    static InetAddress inet(byte[] raw) {
        try {
            return InetAddress.getByAddress(raw);
        } catch (UnknownHostException e) {
            throw new MalformedNetlinkException("bad address length " + raw.length);
        }
    }
}
