package org.jkeepalived.vrrp.router;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import org.jkeepalived.core.config.KeepalivedConfig;
import org.jkeepalived.core.time.FakeScheduler;
import org.jkeepalived.vrrp.engine.SyncGroup;
import org.jkeepalived.vrrp.engine.VrrpInstance;
import org.jkeepalived.vrrp.engine.VrrpState;
import org.junit.jupiter.api.Test;

class VrrpRouterReloadTest {
    private static final long SECOND = 1_000_000_000L;

    private final FakeScheduler scheduler = new FakeScheduler();
    private final FakeNetwork network = new FakeNetwork();

    private static String instance(String name, int vrid, String... vips) {
        return "vrrp_instance " + name + " {\n interface eth0\n virtual_router_id " + vrid + "\n priority 150\n"
                + " virtual_ipaddress {\n  " + String.join("\n  ", vips) + "\n }\n}\n";
    }

    private static InstancePlanner.Result plans(KeepalivedConfig c) throws Exception {
        InetAddress primary = InstancePlannerTest.ip("192.0.2.1");
        return InstancePlanner.plan(c.global(), c.vrrp(), (n, v6) -> primary);
    }

    private VrrpRouter start(String conf) throws Exception {
        KeepalivedConfig c = InstancePlannerTest.config(conf);
        VrrpRouter r = VrrpRouter.start(plans(c).plans(), c.vrrp().syncGroups(), scheduler, network);
        scheduler.advance(4 * SECOND);
        return r;
    }

    private void reload(VrrpRouter r, String conf) throws Exception {
        KeepalivedConfig c = InstancePlannerTest.config(conf);
        r.reload(plans(c).plans(), c.vrrp().syncGroups());
        scheduler.runDue();
    }

    private static VrrpInstance find(VrrpRouter r, String name) {
        return r.instances().stream().filter(i -> i.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void unchangedInstancesKeepTheirStateWhileOthersAreAddedChangedAndRemoved() throws Exception {
        VrrpRouter r = start(instance("VI_1", 51, "192.0.2.100/24") + instance("VI_2", 52, "192.0.2.101/24")
                + instance("VI_3", 53, "192.0.2.102/24"));
        VrrpInstance kept = find(r, "VI_1");
        assertEquals(VrrpState.MASTER, kept.state());
        long transitions = kept.counters().transitions();
        network.calls.clear();
        network.owned.clear();
        // a comment line shifts every block: line numbers must not count as a change
        reload(r, "# reloaded\n" + instance("VI_1", 51, "192.0.2.100/24")
                + instance("VI_2", 52, "192.0.2.101/24", "192.0.2.110/24") + instance("VI_4", 54, "192.0.2.103/24"));
        assertSame(kept, find(r, "VI_1"), "the unchanged instance is the same object");
        assertEquals(VrrpState.MASTER, kept.state());
        assertEquals(transitions, kept.counters().transitions(), "no transition for the unchanged instance");
        assertFalse(network.calls.stream().anyMatch(c -> c.endsWith(" VI_1")), network.calls.toString());
        assertEquals(List.of("VI_1", "VI_2", "VI_4"), r.instances().stream().map(VrrpInstance::name).toList());
        assertTrue(network.calls.containsAll(List.of("remove VI_3", "release VI_3", "prepare VI_4")),
                network.calls.toString());
        assertFalse(network.calls.contains("release VI_2"), "VI_2 is reconfigured in place");
        assertEquals(VrrpState.MASTER, find(r, "VI_2").state());
        assertTrue(network.owned.contains("+VI_2 192.0.2.110/24"), network.owned.toString());
        assertFalse(network.owned.contains("+VI_2 192.0.2.101/24"), "what it had stays: " + network.owned);
        scheduler.advance(4 * SECOND);
        assertEquals(VrrpState.MASTER, find(r, "VI_4").state());
        assertEquals(2, find(r, "VI_2").spec().virtualAddresses().size());
        assertTrue(r.stats("VI_4").advertSent() > 0, "the new instance is counted");
    }

    @Test
    void aMemberThatBecameAnotherVirtualRouterRestartsItsWholeGroup() throws Exception {
        String group = "vrrp_sync_group G1 {\n group {\n  VI_1\n  VI_2\n }\n}\n";
        VrrpRouter r = start(group + instance("VI_1", 51, "192.0.2.100/24") + instance("VI_2", 52, "192.0.2.101/24")
                + instance("VI_3", 53, "192.0.2.102/24"));
        VrrpInstance lone = find(r, "VI_3");
        reload(r, group + instance("VI_1", 61, "192.0.2.100/24")
                + instance("VI_2", 52, "192.0.2.101/24") + instance("VI_3", 53, "192.0.2.102/24"));
        assertSame(lone, find(r, "VI_3"));
        assertEquals(1, r.syncGroups().size());
        assertEquals(List.of("VI_1", "VI_2"), r.syncGroups().get(0).members().stream().map(VrrpInstance::name)
                .toList());
        assertTrue(r.syncGroups().get(0).members().stream().allMatch(i -> i.state() == VrrpState.BACKUP),
                "both members restarted");
    }

    @Test
    void diffComparesConfigurationsWithoutTheirLocations() throws Exception {
        KeepalivedConfig a = InstancePlannerTest.config(instance("VI_1", 51, "192.0.2.100/24"));
        KeepalivedConfig b = InstancePlannerTest.config("\n\n" + instance("VI_1", 51, "192.0.2.100/24"));
        KeepalivedConfig c = InstancePlannerTest.config(instance("VI_1", 51, "192.0.2.100/25"));
        ReloadDiff same = ReloadDiff.of(plans(a).plans(), Map.of(), plans(b).plans(), List.of());
        assertEquals(List.of("VI_1"), same.kept());
        ReloadDiff changed = ReloadDiff.of(plans(a).plans(), Map.of(), plans(c).plans(), List.of());
        assertEquals(List.of("VI_1"), changed.reconfigured());
        assertEquals(List.of(), changed.stopped());
        KeepalivedConfig d = InstancePlannerTest.config(instance("VI_1", 52, "192.0.2.100/24"));
        ReloadDiff moved = ReloadDiff.of(plans(a).plans(), Map.of(), plans(d).plans(), List.of());
        assertEquals(List.of("VI_1"), moved.stopped(), "another VRID is another virtual router");
        assertEquals(List.of("VI_1"), moved.started());
    }

    @Test
    void aGroupMemberGivenAnotherVipIsReconfiguredAndTheGroupStays() throws Exception {
        String group = "vrrp_sync_group G1 {\n group {\n  VI_1\n  VI_2\n }\n}\n";
        VrrpRouter r = start(group + instance("VI_1", 51, "192.0.2.100/24") + instance("VI_2", 52, "192.0.2.101/24"));
        SyncGroup before = r.syncGroups().get(0);
        VrrpInstance one = find(r, "VI_1");
        long transitions = one.counters().transitions();
        network.calls.clear();
        reload(r, group + instance("VI_1", 51, "192.0.2.100/24", "192.0.2.120/24")
                + instance("VI_2", 52, "192.0.2.101/24"));
        assertSame(before, r.syncGroups().get(0));
        assertSame(one, find(r, "VI_1"));
        assertEquals(transitions, one.counters().transitions());
        assertEquals(List.of("+VI_1 192.0.2.120/24"), network.owned.subList(network.owned.size() - 1,
                network.owned.size()));
        assertFalse(network.calls.stream().anyMatch(c -> c.startsWith("remove") || c.startsWith("release")),
                network.calls.toString());
        assertTrue(network.sent.stream().noneMatch(s -> s.priority() == 0), "no priority 0 on the wire");
    }

    @Test
    void aMasterLosingAVirtualRouteRemovesOnlyThatRoute() throws Exception {
        String routes = " virtual_routes {\n  198.51.100.0/24 via 192.0.2.254\n  203.0.113.0/24 via 192.0.2.254\n }\n";
        VrrpRouter r = start(withExtra(instance("VI_1", 51, "192.0.2.100/24"), routes));
        network.owned.clear();
        reload(r, withExtra(instance("VI_1", 51, "192.0.2.100/24"),
                " virtual_routes {\n  198.51.100.0/24 via 192.0.2.254\n }\n"));
        assertEquals(List.of("-VI_1 route 203.0.113.0/24"), network.owned);
        assertEquals(VrrpState.MASTER, find(r, "VI_1").state());
    }

    @Test
    void reloadRunsTheHookBeforeAddedInstancesStart() throws Exception {
        VrrpRouter r = start(instance("VI_1", 51, "192.0.2.100/24"));
        KeepalivedConfig c = InstancePlannerTest.config(instance("VI_1", 51, "192.0.2.100/24")
                + instance("VI_2", 52, "192.0.2.101/24"));
        List<VrrpState> seen = new java.util.ArrayList<>();
        r.reload(plans(c).plans(), c.vrrp().syncGroups(), router -> seen.add(find(router, "VI_2").state()));
        assertEquals(List.of(VrrpState.INIT), seen);
        assertEquals(VrrpState.BACKUP, find(r, "VI_2").state());
    }

    @Test
    void aReconfiguredInstanceLearnsTheStateOfANewlyTrackedInterface() throws Exception {
        VrrpRouter r = start(instance("VI_1", 51, "192.0.2.100/24"));
        network.up.put("eth9", false);
        reload(r, withExtra(instance("VI_1", 51, "192.0.2.100/24"), " track_interface {\n  eth9\n }\n"));
        assertEquals(VrrpState.FAULT, find(r, "VI_1").state());
    }

    private static String withExtra(String block, String extra) {
        return block.substring(0, block.lastIndexOf('}')) + extra + "}\n";
    }
}
