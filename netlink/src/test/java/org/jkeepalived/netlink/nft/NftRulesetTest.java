package org.jkeepalived.netlink.nft;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.util.List;
import org.jkeepalived.core.config.global.Nftables;
import org.jkeepalived.vrrp.router.DropRule;
import org.junit.jupiter.api.Test;

/** Golden nft batches; the layout is keepalived 2.2.7's as {@code nft monitor} showed it (see NoAcceptIT). */
class NftRulesetTest {
    private static DropRule rule(Nftables s, String... addresses) throws Exception {
        List<DropRule.Address> list = new java.util.ArrayList<>();
        for (String a : addresses) {
            list.add(new DropRule.Address(InetAddress.getByName(a), "eth0"));
        }
        return new DropRule("VI_1", s, list);
    }

    @Test
    void ipv4TableIsCreatedWithTheFirstAddress() throws Exception {
        NftRuleset r = new NftRuleset();
        assertEquals("""
                add table ip keepalived
                delete table ip keepalived
                add table ip keepalived
                add chain ip keepalived out { type filter hook output priority -1; policy accept; }
                add chain ip keepalived in { type filter hook input priority -1; policy accept; }
                add set ip keepalived vips { type ipv4_addr; }
                add rule ip keepalived in ip daddr @vips drop
                add rule ip keepalived out ip saddr @vips drop
                add element ip keepalived vips { 192.0.2.100 }
                add element ip keepalived vips { 192.0.2.101 }
                """, r.set(rule(Nftables.DEFAULT, "192.0.2.100", "192.0.2.101")));
        assertEquals("", r.set(rule(Nftables.DEFAULT, "192.0.2.100")), "already dropped");
        assertEquals("add element ip keepalived vips { 192.0.2.102 }\n",
                r.set(rule(Nftables.DEFAULT, "192.0.2.102")), "the table stays");
    }

    @Test
    void removeDeletesOnlyWhatWasAddedAndTeardownDeletesTheTables() throws Exception {
        NftRuleset r = new NftRuleset();
        assertEquals("", r.remove(rule(Nftables.DEFAULT, "192.0.2.100")), "startup: nothing to remove");
        r.set(rule(Nftables.DEFAULT, "192.0.2.100"));
        assertEquals("delete element ip keepalived vips { 192.0.2.100 }\n",
                r.remove(rule(Nftables.DEFAULT, "192.0.2.100", "192.0.2.101")));
        assertEquals("", r.set(rule(Nftables.DEFAULT)), "no addresses");
        assertEquals("delete table ip keepalived\n", r.teardown());
        assertEquals("", r.teardown());
    }

    @Test
    void ipv6TableWithCountersPriorityAndLinkLocal() throws Exception {
        NftRuleset r = new NftRuleset();
        assertEquals("""
                add table ip6 mytable
                delete table ip6 mytable
                add table ip6 mytable
                add chain ip6 mytable out { type filter hook output priority -5; policy accept; }
                add chain ip6 mytable in { type filter hook input priority -5; policy accept; }
                add chain ip6 mytable in_link_local
                add chain ip6 mytable out_link_local
                add set ip6 mytable vips { type ipv6_addr; }
                add set ip6 mytable neighbor-discovery { type icmpv6_type; flags constant; \
                elements = { nd-neighbor-solicit, nd-neighbor-advert }; }
                add set ip6 mytable vips_link_local { type ipv6_addr . iface_index; }
                add rule ip6 mytable in icmpv6 type @neighbor-discovery counter accept
                add rule ip6 mytable in ip6 daddr fe80::/10 counter goto in_link_local
                add rule ip6 mytable in ip6 daddr @vips counter drop
                add rule ip6 mytable out icmpv6 type @neighbor-discovery counter accept
                add rule ip6 mytable out ip6 saddr fe80::/10 counter goto out_link_local
                add rule ip6 mytable out ip6 saddr @vips counter drop
                add rule ip6 mytable in_link_local ip6 daddr . iif @vips_link_local counter drop
                add rule ip6 mytable out_link_local ip6 saddr . oif @vips_link_local counter drop
                add element ip6 mytable vips_link_local { fe80:0:0:0:0:0:0:52 . "eth0" }
                add element ip6 mytable vips { 2001:db8:0:0:0:0:0:52 }
                """, r.set(rule(new Nftables("mytable", -5, true, true), "fe80::52", "2001:db8::52")));
        assertEquals("delete table ip6 mytable\n", r.teardown());
    }
}
