package org.jkeepalived.netlink.rtnl;

import static org.jkeepalived.netlink.rtnl.AddressCodecTest.ip;
import static org.jkeepalived.netlink.rtnl.Rtnetlink.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.jkeepalived.netlink.MacAddress;
import org.jkeepalived.netlink.NetNs;
import org.jkeepalived.netlink.sys.Errno;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** rtnetlink requests against the kernel, in a namespace of its own with a veth pair. */
class RtnetlinkIT {
    static NetNs ns;
    static RtnetlinkSocket rtnl;
    static int veth0;

    @BeforeAll
    static void setUp() throws Exception {
        NetNs.assumeRoot();
        ns = NetNs.create();
        ns.vethPair();
        ns.ip("link", "set", "veth0", "address", "02:00:00:00:00:0a");
        rtnl = ns.call(RtnetlinkSocket::open);
        veth0 = rtnl.link("veth0").index();
    }

    @AfterAll
    static void tearDown() {
        if (rtnl != null) {
            rtnl.close();
        }
        if (ns != null) {
            ns.close();
        }
    }

    @Test
    void dumpsLinksWithFlagsAndMac() throws Exception {
        List<Link> links = rtnl.dumpLinks();
        Link l = links.stream().filter(x -> x.name().equals("veth0")).findFirst().orElseThrow();
        assertEquals(MacAddress.parse("02:00:00:00:00:0a"), l.mac());
        assertTrue(l.isUp() && l.isLowerUp() && l.isRunning());
        assertEquals("veth", l.kind());
        assertTrue(links.stream().anyMatch(x -> x.name().equals("lo") && (x.flags() & IFF_LOOPBACK) != 0));
    }

    @Test
    void ipv4AddressRoundTripAndErrnoNames() throws Exception {
        Address a = Address.of(veth0, ip("192.0.2.10"), 24).withBroadcast(ip("192.0.2.255")).withLabel("veth0:vip");
        rtnl.addAddress(a);
        try {
            Address dumped = rtnl.dumpAddresses(2).stream().filter(x -> x.address().equals(a.address()))
                    .findFirst().orElseThrow();
            assertEquals(a.withFlags(IFA_F_PERMANENT), dumped);
            assertTrue(ns.ip("-4", "addr", "show", "dev", "veth0").contains("192.0.2.10/24 brd 192.0.2.255 scope global veth0:vip"));

            NetlinkException twice = assertThrows(NetlinkException.class, () -> rtnl.addAddress(a));
            assertEquals(Errno.EEXIST, twice.errnoConstant());
            assertTrue(twice.getMessage().startsWith("RTM_NEWADDR(192.0.2.10/24 ifindex " + veth0 + ") failed: EEXIST (17)"),
                    twice.getMessage());
        } finally {
            rtnl.deleteAddress(a);
        }
        assertTrue(rtnl.dumpAddresses(2).stream().noneMatch(x -> x.address().equals(a.address())));
        NetlinkException missing = assertThrows(NetlinkException.class, () -> rtnl.deleteAddress(a));
        assertEquals(Errno.EADDRNOTAVAIL, missing.errnoConstant());
        assertTrue(missing.getMessage().startsWith("RTM_DELADDR(192.0.2.10/24 ifindex " + veth0 + ") failed: EADDRNOTAVAIL (99)"));
    }

    @Test
    void ipv6NodadAddressRoundTrip() throws Exception {
        Address a = Address.of(veth0, ip("2001:db8::10"), 64).withFlags(IFA_F_NODAD);
        rtnl.addAddress(a);
        Address dumped = rtnl.dumpAddresses(10).stream().filter(x -> x.address().equals(a.address()))
                .findFirst().orElseThrow();
        assertEquals(64, dumped.prefixLength());
        assertTrue((dumped.flags() & IFA_F_NODAD) != 0, "nodad kept: " + dumped);
        assertTrue(ns.ip("-6", "addr", "show", "dev", "veth0").contains("2001:db8::10/64"));
        rtnl.deleteAddress(a);
        assertTrue(rtnl.dumpAddresses(10).stream().noneMatch(x -> x.address().equals(a.address())));
    }

    @Test
    void routesOfEveryKind() throws Exception {
        rtnl.addAddress(Address.of(veth0, ip("192.0.2.1"), 24));
        Route via = Route.unicast(ip("203.0.113.0"), 24, ip("192.0.2.254"), veth0).withTable(1000).withMetric(7)
                .withProtocol(RTPROT_KEEPALIVED);
        Route blackhole = new Route(ip("198.51.100.0"), 24, null, 0, 100, -1, RT_SCOPE_UNIVERSE, RTPROT_KEEPALIVED,
                RouteType.BLACKHOLE);
        Route unreachable = blackhole.withType(RouteType.UNREACHABLE).withTable(101);
        Route prohibit = blackhole.withType(RouteType.PROHIBIT).withTable(102);
        Route v6 = Route.unicast(ip("2001:db8:1::"), 48, null, veth0);
        for (Route r : List.of(via, blackhole, unreachable, prohibit, v6)) {
            rtnl.addRoute(r);
        }
        assertTrue(ns.ip("route", "show", "table", "1000").contains("203.0.113.0/24 via 192.0.2.254 dev veth0 proto keepalived metric 7"),
                ns.ip("route", "show", "table", "1000"));
        assertTrue(ns.ip("route", "show", "table", "100").contains("blackhole 198.51.100.0/24 proto keepalived"));
        assertTrue(ns.ip("route", "show", "table", "101").contains("unreachable 198.51.100.0/24"));
        assertTrue(ns.ip("route", "show", "table", "102").contains("prohibit 198.51.100.0/24"));
        assertTrue(ns.ip("-6", "route", "show").contains("2001:db8:1::/48 dev veth0"));
        assertEquals(Errno.EEXIST, assertThrows(NetlinkException.class, () -> rtnl.addRoute(blackhole)).errnoConstant());
        for (Route r : List.of(via, blackhole, unreachable, prohibit, v6)) {
            rtnl.deleteRoute(r);
        }
        assertFalse(ns.ip("route", "show", "table", "100").contains("198.51.100.0"));
        NetlinkException gone = assertThrows(NetlinkException.class, () -> rtnl.deleteRoute(blackhole));
        assertEquals(Errno.ESRCH, gone.errnoConstant(), gone.getMessage());
    }

    @Test
    void rulesWithSelectors() throws Exception {
        Rule r = Rule.from(ip("192.0.2.10"), 32, 100, 100).withTo(ip("198.51.100.0"), 24)
                .withInterfaces("veth0", null).withFwmark(0x10, 0xff);
        Rule big = Rule.from(ip("2001:db8::10"), 128, 1000, 101).withInterfaces(null, "veth0");
        rtnl.addRule(r);
        rtnl.addRule(big);
        assertTrue(ns.ip("rule", "show").contains("100:\tfrom 192.0.2.10 to 198.51.100.0/24 fwmark 0x10/0xff iif veth0 lookup 100"),
                ns.ip("rule", "show"));
        assertTrue(ns.ip("-6", "rule", "show").contains("101:\tfrom 2001:db8::10 oif veth0 lookup 1000"),
                ns.ip("-6", "rule", "show"));
        rtnl.deleteRule(r);
        rtnl.deleteRule(big);
        assertFalse(ns.ip("rule", "show").contains("192.0.2.10"));
    }
}
