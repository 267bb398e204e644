package org.jkeepalived.vrrp.router;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import org.jkeepalived.core.config.KeepalivedConfig;
import org.jkeepalived.core.config.global.Nftables;
import org.jkeepalived.core.time.FakeScheduler;
import org.junit.jupiter.api.Test;

/** Which instances get keepalived's firewall drop rule, and when the router sets and removes it. */
class DropRuleTest {
    private static final long SECOND = 1_000_000_000L;

    private static Optional<DropRule> rule(String global, String instance) {
        KeepalivedConfig c = InstancePlannerTest.config("global_defs {\n" + global + "\n}\n"
                + "vrrp_instance VI_1 {\n interface eth0\n virtual_router_id 51\n" + instance + "\n"
                + " virtual_ipaddress {\n  192.0.2.100/24\n  192.0.2.101/24 dev eth1\n }\n"
                + " virtual_ipaddress_excluded {\n  192.0.2.102/24\n }\n}\n");
        InstancePlanner.Result r = InstancePlanner.plan(c.global(), c.vrrp(),
                (n, v6) -> InstancePlannerTest.ip("192.0.2.1"));
        return r.plans().get(0).dropRule();
    }

    @Test
    void acceptByDefaultWithoutStrict() {
        // keepalived 2.2.7, VRRPv3 without vrrp_strict or no_accept: no nftables table at all
        assertEquals(Optional.empty(), rule("", " priority 150\n version 3"));
    }

    @Test
    void strictMeansNoAcceptUnlessOwner() throws Exception {
        DropRule r = rule(" vrrp_strict", " priority 150").orElseThrow();
        assertEquals(List.of(new DropRule.Address(InstancePlannerTest.ip("192.0.2.100"), "eth0"),
                new DropRule.Address(InstancePlannerTest.ip("192.0.2.101"), "eth1"),
                new DropRule.Address(InstancePlannerTest.ip("192.0.2.102"), "eth0")), r.addresses());
        assertEquals(Nftables.DEFAULT, r.nftables());
        assertEquals(Optional.empty(), rule(" vrrp_strict", " priority 255"));
        assertEquals(Optional.empty(), rule(" vrrp_strict", " priority 150\n version 3\n accept"));
    }

    @Test
    void noAcceptWithoutStrictAndOwnerStillAccepts() {
        assertTrue(rule("", " priority 150\n no_accept").isPresent(), "VRRPv2 no_accept: keepalived drops");
        assertEquals(Optional.empty(), rule("", " priority 255\n version 3\n no_accept"));
        assertEquals("t", rule(" nftables t", " priority 150\n no_accept").orElseThrow().nftables().table());
    }

    @Test
    void ruleGoesInBeforeTheVipsAndOutAfterThem() throws Exception {
        FakeScheduler scheduler = new FakeScheduler();
        FakeNetwork network = new FakeNetwork();
        KeepalivedConfig c = InstancePlannerTest.config("global_defs {\n vrrp_strict\n}\n"
                + "vrrp_instance VI_1 {\n interface eth0\n virtual_router_id 51\n priority 150\n"
                + " virtual_ipaddress {\n  192.0.2.100/24\n }\n}\n");
        InetAddress primary = InstancePlannerTest.ip("192.0.2.1");
        VrrpRouter r = VrrpRouter.start(InstancePlanner.plan(c.global(), c.vrrp(), (n, v6) -> primary).plans(),
                c.vrrp().syncGroups(), scheduler, network);
        scheduler.runDue();
        scheduler.advance(4 * SECOND);
        List<String> calls = network.calls.stream().filter(s -> s.matches("(un)?drop .*|install .*|remove .*"))
                .toList();
        assertEquals(List.of("remove VI_1", "undrop VI_1 [192.0.2.100%eth0]", "drop VI_1 [192.0.2.100%eth0]",
                "install VI_1"), calls, "keepalived: removing VIPs / removing firewall drop rule at init");
        network.calls.clear();
        r.stop(false);
        scheduler.runDue();
        assertEquals(List.of("remove VI_1", "undrop VI_1 [192.0.2.100%eth0]"), network.calls.stream()
                .filter(s -> s.matches("(un)?drop .*|install .*|remove .*")).toList());
    }
}
