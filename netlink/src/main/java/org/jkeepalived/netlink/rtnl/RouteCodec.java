package org.jkeepalived.netlink.rtnl;

import static org.jkeepalived.netlink.rtnl.Rtnetlink.*;

/** Encodes RTM_NEWROUTE/RTM_DELROUTE requests (pure). */
public final class RouteCodec {
    private RouteCodec() {
    }

    /**
     * Writes the request as iproute2 does (attribute order DST, GATEWAY, PRIORITY, TABLE, OIF):
     * tables below 256 go in {@code rtm_table}, larger ones in RTA_TABLE with {@code rtm_table} =
     * RT_TABLE_UNSPEC.
     */
    public static void encode(NetlinkMessageWriter w, int type, int flags, int seq, Route r) {
        int table = r.table() < 256 ? r.table() : RT_TABLE_UNSPEC;
        w.begin(type, flags, seq)
                .rtmsg(r.family(), r.prefixLength(), 0, table, r.protocol(), r.scope(), r.type().code());
        w.attr(RTA_DST, r.destination().getAddress());
        if (r.gateway() != null) {
            w.attr(RTA_GATEWAY, r.gateway().getAddress());
        }
        if (r.metric() >= 0) {
            w.attrU32(RTA_PRIORITY, r.metric());
        }
        if (r.table() >= 256) {
            w.attrU32(RTA_TABLE, r.table());
        }
        if (r.oif() != 0) {
            w.attrU32(RTA_OIF, r.oif());
        }
        w.end();
    }
}
