package org.jkeepalived.netlink.nft;

import org.jkeepalived.core.config.global.Nftables;

/**
 * The nft commands that create keepalived's table of one address family, as keepalived 2.2.7 lays it out
 * (read back with {@code nft monitor} / {@code nft list ruleset} from the real daemon): a set {@code vips}, base
 * chains {@code out} (output hook) and {@code in} (input hook) at {@code nftables_priority} that drop packets from
 * and to the set. IPv6 adds neighbour discovery, which must pass, and link-local VIPs, which are matched with
 * their interface in {@code vips_link_local} from the chains {@code in_link_local} and {@code out_link_local}.
 * Pure text: {@link NftRuleset} decides when, {@link NftablesFirewall} runs it.
 */
final class NftTable {
    private NftTable() {
    }

    /** {@code ip} or {@code ip6}. */
    static String family(boolean ipv6) {
        return ipv6 ? "ip6" : "ip";
    }

    /**
     * The commands that create the table from nothing. They start by adding and deleting the table, so that a
     * table left by a run that was killed goes first, in the same atomic batch.
     */
    static String create(Nftables s, boolean ipv6) {
        String t = family(ipv6) + " " + s.table();
        String counter = s.counters() ? "counter " : "";
        String chain = " { type filter hook %s priority %d; policy accept; }\n";
        StringBuilder b = new StringBuilder();
        b.append("add table ").append(t).append('\n');
        b.append("delete table ").append(t).append('\n');
        b.append("add table ").append(t).append('\n');
        b.append("add chain ").append(t).append(" out").append(String.format(chain, "output", s.priority()));
        b.append("add chain ").append(t).append(" in").append(String.format(chain, "input", s.priority()));
        if (!ipv6) {
            b.append("add set ").append(t).append(" vips { type ipv4_addr; }\n");
            b.append("add rule ").append(t).append(" in ip daddr @vips ").append(counter).append("drop\n");
            b.append("add rule ").append(t).append(" out ip saddr @vips ").append(counter).append("drop\n");
            return b.toString();
        }
        b.append("add chain ").append(t).append(" in_link_local\n");
        b.append("add chain ").append(t).append(" out_link_local\n");
        b.append("add set ").append(t).append(" vips { type ipv6_addr; }\n");
        b.append("add set ").append(t).append(" neighbor-discovery { type icmpv6_type; flags constant;"
                + " elements = { nd-neighbor-solicit, nd-neighbor-advert }; }\n");
        b.append("add set ").append(t).append(" vips_link_local { type ipv6_addr . iface_index; }\n");
        for (String[] dir : new String[][] {{"in", "daddr", "iif"}, {"out", "saddr", "oif"}}) {
            b.append("add rule ").append(t).append(' ').append(dir[0]).append(" icmpv6 type @neighbor-discovery ")
                    .append(counter).append("accept\n");
            b.append("add rule ").append(t).append(' ').append(dir[0]).append(" ip6 ").append(dir[1])
                    .append(" fe80::/10 ").append(counter).append("goto ").append(dir[0]).append("_link_local\n");
            b.append("add rule ").append(t).append(' ').append(dir[0]).append(" ip6 ").append(dir[1])
                    .append(" @vips ").append(counter).append("drop\n");
        }
        for (String[] dir : new String[][] {{"in", "daddr", "iif"}, {"out", "saddr", "oif"}}) {
            b.append("add rule ").append(t).append(' ').append(dir[0]).append("_link_local ip6 ").append(dir[1])
                    .append(" . ").append(dir[2]).append(" @vips_link_local ").append(counter).append("drop\n");
        }
        return b.toString();
    }

    /** Deletes the whole table, rules, sets and elements with it. */
    static String delete(Nftables s, boolean ipv6) {
        return "delete table " + family(ipv6) + " " + s.table() + "\n";
    }
}
