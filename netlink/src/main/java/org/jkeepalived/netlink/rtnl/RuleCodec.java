package org.jkeepalived.netlink.rtnl;

import static org.jkeepalived.netlink.rtnl.Rtnetlink.*;

/** Encodes RTM_NEWRULE/RTM_DELRULE requests (pure). */
public final class RuleCodec {
    private RuleCodec() {
    }

    /** Writes the request byte for byte as {@code ip rule} does (SRC, DST, IIFNAME, OIFNAME, FWMARK, FWMASK, PRIORITY, TABLE). */
    public static void encode(NetlinkMessageWriter w, int type, int flags, int seq, Rule r) {
        int table = r.table() < 256 ? r.table() : RT_TABLE_UNSPEC;
        w.begin(type, flags, seq).fibRuleHdr(r.family(), r.to() == null ? 0 : r.toLength(),
                r.from() == null ? 0 : r.fromLength(), table, FR_ACT_TO_TBL);
        if (r.from() != null) {
            w.attr(FRA_SRC, r.from().getAddress());
        }
        if (r.to() != null) {
            w.attr(FRA_DST, r.to().getAddress());
        }
        if (r.iif() != null) {
            w.attrString(FRA_IIFNAME, r.iif());
        }
        if (r.oif() != null) {
            w.attrString(FRA_OIFNAME, r.oif());
        }
        if (r.fwmark() >= 0) {
            w.attrU32(FRA_FWMARK, (int) r.fwmark());
        }
        if (r.fwmask() >= 0) {
            w.attrU32(FRA_FWMASK, (int) r.fwmask());
        }
        if (r.priority() >= 0) {
            w.attrU32(FRA_PRIORITY, r.priority());
        }
        if (r.table() >= 256) {
            w.attrU32(FRA_TABLE, r.table());
        }
        w.end();
    }
}
