package org.jkeepalived.netlink.rtnl;

import static org.jkeepalived.netlink.nl.Netlink.*;
import static org.jkeepalived.netlink.rtnl.Rtnetlink.*;

import java.nio.charset.StandardCharsets;
import org.jkeepalived.netlink.MacAddress;
import org.jkeepalived.netlink.nl.MalformedNetlinkException;
import org.jkeepalived.netlink.nl.NetlinkMessage;

/** Encodes link requests (macvlan creation, up/down, delete, dump) and decodes link messages (pure). */
public final class LinkCodec {
    private LinkCodec() {
    }

    public static void encodeDump(NetlinkMessageWriter w, int seq) {
        w.begin(RTM_GETLINK, NLM_F_REQUEST | NLM_F_DUMP, seq).ifinfomsg(0, 0, 0, 0, 0).end();
    }

    /**
     * RTM_NEWLINK creating macvlan {@code name} on {@code parentIndex} with {@code mac} and
     * {@code mode} (keepalived's use_vmac uses MACVLAN_MODE_PRIVATE), byte for byte as {@code ip link
     * add NAME link PARENT address MAC type macvlan mode private}. Address generation cannot be set
     * in the same request: the kernel answers EAFNOSUPPORT because the inet6 device does not exist
     * yet; use {@link #encodeAddrGenModeNone} once the link exists.
     */
    public static void encodeMacvlan(NetlinkMessageWriter w, int seq, String name, int parentIndex, MacAddress mac,
                                     int mode) {
        w.begin(RTM_NEWLINK, NLM_F_REQUEST | NLM_F_ACK | NLM_F_CREATE | NLM_F_EXCL, seq)
                .ifinfomsg(0, 0, 0, 0, 0)
                .attr(IFLA_ADDRESS, mac.bytes())
                .attrU32(IFLA_LINK, parentIndex)
                .attrString(IFLA_IFNAME, name)
                .beginNested(IFLA_LINKINFO)
                .attr(IFLA_INFO_KIND, "macvlan".getBytes(StandardCharsets.US_ASCII)) // no NUL, as iproute2
                .beginNested(IFLA_INFO_DATA)
                .attrU32(IFLA_MACVLAN_MODE, mode)
                .endNested()
                .endNested()
                .end();
    }

    /**
     * RTM_NEWLINK setting IPv6 address generation to none on {@code index} (as {@code ip link set dev
     * NAME addrgenmode none}); keepalived's vmacs carry no automatic link-local address.
     */
    public static void encodeAddrGenModeNone(NetlinkMessageWriter w, int seq, int index) {
        w.begin(RTM_NEWLINK, NLM_F_REQUEST | NLM_F_ACK, seq)
                .ifinfomsg(0, 0, index, 0, 0)
                .beginNested(IFLA_AF_SPEC)
                .beginNested(10)
                .attrU8(IFLA_INET6_ADDR_GEN_MODE, IN6_ADDR_GEN_MODE_NONE)
                .endNested()
                .endNested()
                .end();
    }

    /** RTM_NEWLINK changing only IFF_UP on {@code index}. */
    public static void encodeSetUp(NetlinkMessageWriter w, int seq, int index, boolean up) {
        w.begin(RTM_NEWLINK, NLM_F_REQUEST | NLM_F_ACK, seq).ifinfomsg(0, 0, index, up ? IFF_UP : 0, IFF_UP).end();
    }

    public static void encodeDelete(NetlinkMessageWriter w, int seq, int index) {
        w.begin(RTM_DELLINK, NLM_F_REQUEST | NLM_F_ACK, seq).ifinfomsg(0, 0, index, 0, 0).end();
    }

    public static Link decode(NetlinkMessage m) {
        var b = m.body();
        if (b.limit() < IFINFOMSG_LEN) {
            throw new MalformedNetlinkException("ifinfomsg too short: " + b.limit());
        }
        int index = b.getInt(4);
        int flags = b.getInt(8);
        RtAttributes attrs = RtAttributes.parse(b, IFINFOMSG_LEN);
        byte[] mac = attrs.bytes(IFLA_ADDRESS);
        RtAttributes info = attrs.nested(IFLA_LINKINFO);
        return new Link(index, attrs.string(IFLA_IFNAME), flags,
                mac != null && mac.length == 6 ? new MacAddress(mac) : null,
                (int) attrs.u32(IFLA_MTU, 0), (int) attrs.u32(IFLA_LINK, 0),
                info == null ? null : info.string(IFLA_INFO_KIND));
    }
}
