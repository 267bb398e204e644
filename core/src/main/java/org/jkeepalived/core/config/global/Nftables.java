package org.jkeepalived.core.config.global;

import java.util.Objects;

/**
 * The nftables settings of {@code global_defs}: where keepalived puts the rules that keep a {@code no_accept}
 * MASTER from accepting packets for its VIPs. Defaults as keepalived 2.2.7: table {@code keepalived}, base chain
 * priority -1, no counters, link-local sets keyed by interface index.
 *
 * @param table    {@code nftables [TABLENAME]}: one table of that name per address family
 * @param priority {@code nftables_priority}: the priority of the {@code in} and {@code out} base chains
 * @param counters {@code nftables_counters}: every rule counts what it matches
 * @param ifindex  {@code nftables_ifindex}: link-local sets use interface indexes rather than names
 */
public record Nftables(String table, int priority, boolean counters, boolean ifindex) {
    /** keepalived's default table name. */
    public static final String DEFAULT_TABLE = "keepalived";
    /** keepalived's default base chain priority. */
    public static final int DEFAULT_PRIORITY = -1;
    public static final Nftables DEFAULT = new Nftables(DEFAULT_TABLE, DEFAULT_PRIORITY, false, false);

    public Nftables {
        Objects.requireNonNull(table, "table");
    }
}
