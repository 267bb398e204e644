package org.jkeepalived.netlink.vrrp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import java.nio.file.Path;
import org.jkeepalived.core.config.ConfigLoader;
import org.jkeepalived.core.config.HostInterfaces;
import org.jkeepalived.core.config.LoadOptions;
import org.jkeepalived.core.config.vrrp.VrrpInstance;
import org.jkeepalived.netlink.rtnl.Address;
import org.jkeepalived.netlink.rtnl.Route;
import org.jkeepalived.netlink.rtnl.RouteType;
import org.jkeepalived.netlink.rtnl.Rtnetlink;
import org.jkeepalived.netlink.rtnl.Rule;
import org.junit.jupiter.api.Test;

class KernelObjectsTest {
    private static VrrpInstance instance(String body) {
        String text = "vrrp_instance VI_1 {\n interface eth0\n virtual_router_id 51\n" + body + "}\n";
        return ConfigLoader.load(text, "t.conf", Path.of("."), new LoadOptions("h", false, HostInterfaces.ANY))
                .config().vrrp().instances().get(0);
    }

    private static InetAddress ip(String s) {
        return KernelObjects.literal(s);
    }

    @Test
    void vipWithBroadcastScopeAndLabelIsWhatIpAddrAddSends() {
        VrrpInstance i = instance("virtual_ipaddress {\n 192.0.2.100/24 brd + scope link label eth0:vip\n"
                + " 192.0.2.101/24 brd 192.0.2.7\n 192.0.2.102\n}\n");
        Address a = KernelObjects.address(i.virtualIpAddresses().get(0), 3);
        assertEquals(new Address(3, ip("192.0.2.100"), 24, ip("192.0.2.255"), Rtnetlink.RT_SCOPE_LINK, "eth0:vip", 0), a);
        assertEquals(ip("192.0.2.7"), KernelObjects.address(i.virtualIpAddresses().get(1), 3).broadcast());
        Address plain = KernelObjects.address(i.virtualIpAddresses().get(2), 3);
        assertEquals(Address.of(3, ip("192.0.2.102"), 32), plain);
    }

    @Test
    void ipv6VipSkipsDuplicateAddressDetection() {
        VrrpInstance i = instance("virtual_ipaddress {\n 2001:db8::100/64\n}\n");
        Address a = KernelObjects.address(i.virtualIpAddresses().get(0), 4);
        assertEquals(Rtnetlink.IFA_F_NODAD, a.flags());
        assertNull(a.label());
    }

    @Test
    void virtualRoutesMapToRtnetlinkRoutes() {
        VrrpInstance i = instance("virtual_ipaddress {\n 192.0.2.100\n}\nvirtual_routes {\n"
                + " 198.51.100.0/24 via 192.0.2.254 table 100 metric 5\n"
                + " 203.0.113.0/24 dev eth0\n"
                + " blackhole 203.0.113.128/25\n}\n");
        Route r = KernelObjects.route(i.virtualRoutes().get(0), n -> 3);
        assertEquals(new Route(ip("198.51.100.0"), 24, ip("192.0.2.254"), 0, 100, 5, Rtnetlink.RT_SCOPE_UNIVERSE,
                Rtnetlink.RTPROT_KEEPALIVED, RouteType.UNICAST), r);
        Route link = KernelObjects.route(i.virtualRoutes().get(1), n -> 3);
        assertEquals(3, link.oif());
        assertEquals(Rtnetlink.RT_SCOPE_LINK, link.scope());
        assertEquals(RouteType.BLACKHOLE, KernelObjects.route(i.virtualRoutes().get(2), n -> 3).type());
    }

    @Test
    void virtualRulesMapToRtnetlinkRules() {
        VrrpInstance i = instance("virtual_ipaddress {\n 192.0.2.100\n}\nvirtual_rules {\n"
                + " from 192.0.2.100/32 table 100 priority 200\n"
                + " to 198.51.100.0/24 fwmark 0x10/0xff table 101 priority 201\n}\n");
        Rule r = KernelObjects.rule(i.virtualRules().get(0));
        assertEquals(Rule.from(ip("192.0.2.100"), 32, 100, 200), r);
        Rule m = KernelObjects.rule(i.virtualRules().get(1));
        assertEquals(0x10, m.fwmark());
        assertEquals(0xff, m.fwmask());
        assertEquals(ip("198.51.100.0"), m.to());
    }

    @Test
    void broadcastAndLiterals() {
        assertEquals(ip("192.0.2.127"), KernelObjects.broadcast((java.net.Inet4Address) ip("192.0.2.1"), 25));
        assertEquals(ip("192.0.2.1"), KernelObjects.broadcast((java.net.Inet4Address) ip("192.0.2.1"), 32));
        assertThrows(IllegalArgumentException.class, () -> KernelObjects.literal("example.org"));
        assertEquals(254, KernelObjects.table("main"));
        assertEquals(Rtnetlink.RT_SCOPE_HOST, KernelObjects.scope("host"));
    }
}
