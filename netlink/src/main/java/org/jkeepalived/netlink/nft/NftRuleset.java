package org.jkeepalived.netlink.nft;

import java.net.Inet6Address;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jkeepalived.core.config.global.Nftables;
import org.jkeepalived.vrrp.router.DropRule;

/**
 * What keepalived's nftables tables hold, and the nft batch that takes them from one state to the next: a family's
 * table is created when its first address is dropped and stays, empty, until {@link #teardown} (as keepalived
 * keeps it until it stops); an address is added once and removed once, so re-adding a VIP the kernel lost and the
 * startup "removing firewall drop rule" of an address never dropped are no-ops. Pure; one batch per call, applied
 * atomically by {@code nft -f}.
 */
final class NftRuleset {
    private final Set<Boolean> tables = new LinkedHashSet<>();
    private final Set<DropRule.Address> dropped = new LinkedHashSet<>();
    private Nftables settings;

    /** The batch that starts dropping {@code rule}'s addresses, or "" when they already are. */
    String set(DropRule rule) {
        if (settings == null) {
            settings = rule.nftables(); // keepalived: the table name cannot change without a restart
        }
        StringBuilder b = new StringBuilder();
        for (DropRule.Address a : rule.addresses()) {
            boolean ipv6 = a.address() instanceof Inet6Address;
            if (tables.add(ipv6)) {
                b.append(NftTable.create(settings, ipv6));
            }
            if (dropped.add(a)) {
                b.append("add element ").append(element(a)).append('\n');
            }
        }
        return b.toString();
    }

    /** The batch that stops dropping {@code rule}'s addresses, or "" when none of them is dropped. */
    String remove(DropRule rule) {
        StringBuilder b = new StringBuilder();
        for (DropRule.Address a : rule.addresses()) {
            if (dropped.remove(a)) {
                b.append("delete element ").append(element(a)).append('\n');
            }
        }
        return b.toString();
    }

    /** The batch that deletes every table created, or "" when there is none. */
    String teardown() {
        StringBuilder b = new StringBuilder();
        for (boolean ipv6 : new ArrayList<>(tables)) {
            b.append(NftTable.delete(settings, ipv6));
        }
        tables.clear();
        dropped.clear();
        return b.toString();
    }

    /** The addresses now dropped, in the order they were added. */
    List<DropRule.Address> dropped() {
        return List.copyOf(dropped);
    }

    private String element(DropRule.Address a) {
        if (a.address() instanceof Inet6Address v6 && v6.isLinkLocalAddress()) {
            return "ip6 " + settings.table() + " vips_link_local { " + text(a) + " . \"" + a.interfaceName() + "\" }";
        }
        return NftTable.family(a.address() instanceof Inet6Address) + " " + settings.table() + " vips { " + text(a)
                + " }";
    }

    private static String text(DropRule.Address a) {
        String s = a.address().getHostAddress();
        int scope = s.indexOf('%');
        return scope < 0 ? s : s.substring(0, scope);
    }
}
