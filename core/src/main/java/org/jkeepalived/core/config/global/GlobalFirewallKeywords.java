package org.jkeepalived.core.config.global;

import org.jkeepalived.core.config.Arguments;
import org.jkeepalived.core.config.KeywordTable;

/**
 * The global_defs keywords of the VRRP firewall: {@code nftables}, {@code nftables_priority},
 * {@code nftables_counters}, {@code nftables_ifindex}, and {@code vrrp_iptables}, which keepalived 2.2.7 as
 * Debian builds it (NFTABLES, no IPTABLES) reports and replaces by nftables.
 */
final class GlobalFirewallKeywords {
    /** NFT_TABLE_MAXNAMELEN: a name must leave room for its terminating NUL. */
    private static final int MAX_TABLE_NAME = 255;

    private GlobalFirewallKeywords() {
    }

    static void register(KeywordTable<GlobalDefsBuilder> t) {
        t.on("nftables", (b, n, d) -> {
            if (b.nftablesTable != null) {
                d.warning(n, "nftables already specified - ignoring");
            } else if (!n.args().isEmpty() && n.arg(0).length() > MAX_TABLE_NAME) {
                d.warning(n, "nftables table name too long - ignoring");
            } else {
                b.nftablesTable = n.args().isEmpty() ? Nftables.DEFAULT_TABLE : n.arg(0);
            }
        });
        t.on("nftables_priority", (b, n, d) -> Arguments.integer(n, Integer.MIN_VALUE, Integer.MAX_VALUE, d)
                .ifPresent(v -> b.nftablesPriority = v));
        t.on("nftables_counters", (b, n) -> b.nftablesCounters = true);
        t.on("nftables_ifindex", (b, n) -> b.nftablesIfindex = true);
        // keepalived 2.2.7 as Debian builds it has nftables only: vrrp_iptables is reported and replaced, and
        // vrrp_ipsets is an unknown keyword.
        t.on("vrrp_iptables", (b, n, d) -> {
            d.warning(n, "iptables not supported, using nftables instead; replace vrrp_iptables and vrrp_ipsets"
                    + " with the nftables option");
            if (b.nftablesTable == null) {
                b.nftablesTable = Nftables.DEFAULT_TABLE;
            }
        });
    }
}
