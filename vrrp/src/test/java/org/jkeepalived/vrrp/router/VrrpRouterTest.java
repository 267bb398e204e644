package org.jkeepalived.vrrp.router;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.List;
import org.jkeepalived.core.config.KeepalivedConfig;
import org.jkeepalived.core.time.FakeScheduler;
import org.jkeepalived.vrrp.engine.VrrpGroups;
import org.jkeepalived.vrrp.engine.VrrpInstance;
import org.jkeepalived.vrrp.engine.VrrpState;
import org.jkeepalived.vrrp.packet.AuthType;
import org.jkeepalived.vrrp.packet.VrrpAdvert;
import org.junit.jupiter.api.Test;

class VrrpRouterTest {
    private static final long SECOND = 1_000_000_000L;
    private static final String CONF = """
            vrrp_sync_group G1 {
                group {
                    VI_1
                    VI_2
                }
            }
            vrrp_instance VI_1 {
                interface eth0
                virtual_router_id 51
                priority 150
                virtual_ipaddress {
                    192.0.2.100/24
                }
            }
            vrrp_instance VI_2 {
                interface eth0
                virtual_router_id 52
                priority 150
                track_interface {
                    eth1
                }
                virtual_ipaddress {
                    192.0.2.101/24
                }
            }
            """;

    private final FakeScheduler scheduler = new FakeScheduler();
    private final FakeNetwork network = new FakeNetwork();

    private VrrpRouter start() throws Exception {
        KeepalivedConfig c = InstancePlannerTest.config(CONF);
        InetAddress primary = InstancePlannerTest.ip("192.0.2.1");
        InstancePlanner.Result plans = InstancePlanner.plan(c.global(), c.vrrp(), (n, v6) -> primary);
        VrrpRouter r = VrrpRouter.start(plans.plans(), c.vrrp().syncGroups(), scheduler, network);
        scheduler.runDue();
        return r;
    }

    private static VrrpState state(VrrpRouter r, String name) {
        return r.instances().stream().filter(i -> i.name().equals(name)).findFirst().map(VrrpInstance::state)
                .orElseThrow();
    }

    @Test
    void sharesOneChannelPerInterfaceAndFamilyAndBecomesMaster() throws Exception {
        VrrpRouter r = start();
        assertEquals(List.of("prepare VI_1", "open eth0/inet", "prepare VI_2"), network.calls.subList(0, 3));
        assertEquals(VrrpState.BACKUP, state(r, "VI_1"));
        scheduler.advance(4 * SECOND);
        assertEquals(VrrpState.MASTER, state(r, "VI_1"));
        assertEquals(VrrpState.MASTER, state(r, "VI_2"));
        assertTrue(network.calls.contains("install VI_1"));
        assertTrue(network.sent.contains(new FakeNetwork.Sent("eth0/inet", 150, VrrpGroups.IPV4)));
    }

    @Test
    void higherPriorityAdvertMakesTheMasterYieldAndItsGroupFollows() throws Exception {
        VrrpRouter r = start();
        scheduler.advance(4 * SECOND);
        VrrpAdvert better = VrrpAdvert.v2(51, 200, 1, AuthType.NONE, null,
                List.of(InstancePlannerTest.ip("192.0.2.100")));
        network.receivers.get("eth0/inet").receivedIpv4(
                FakeNetwork.datagram(better, InstancePlannerTest.ip("192.0.2.9"), VrrpGroups.IPV4));
        scheduler.runDue();
        assertEquals(VrrpState.BACKUP, state(r, "VI_1"));
        assertEquals(VrrpState.BACKUP, state(r, "VI_2"));
        assertTrue(network.calls.contains("remove VI_1"));
    }

    @Test
    void trackedInterfaceDownMeansFaultAndUpRecovers() throws Exception {
        network.up.put("eth1", false);
        VrrpRouter r = start();
        assertEquals(VrrpState.FAULT, state(r, "VI_2"));
        assertEquals(VrrpState.FAULT, state(r, "VI_1"), "the sync group follows");
        network.listener.linkChanged("eth1", true);
        scheduler.runDue();
        assertEquals(VrrpState.BACKUP, state(r, "VI_2"));
        network.listener.linkChanged("eth0", false);
        scheduler.runDue();
        assertEquals(VrrpState.FAULT, state(r, "VI_1"), "its own interface down");
    }

    @Test
    void deletedVipIsAddedBackWhileMaster() throws Exception {
        start();
        scheduler.advance(4 * SECOND);
        long installs = network.calls.stream().filter("install VI_1"::equals).count();
        network.listener.addressDeleted("eth0", InstancePlannerTest.ip("192.0.2.100"));
        scheduler.runDue();
        assertEquals(installs + 1, network.calls.stream().filter("install VI_1"::equals).count());
    }

    @Test
    void stopSendsPriorityZeroAndRemovesUnlessKept() throws Exception {
        VrrpRouter r = start();
        scheduler.advance(4 * SECOND);
        network.calls.clear();
        network.sent.clear();
        r.stop(false);
        r.close();
        assertTrue(network.sent.contains(new FakeNetwork.Sent("eth0/inet", 0, VrrpGroups.IPV4)));
        assertTrue(network.calls.contains("remove VI_1"));
        assertTrue(network.calls.contains("close eth0/inet"));
        assertTrue(network.calls.contains("release VI_2"));
        assertTrue(network.watchClosed);
    }

    @Test
    void stopWithDontReleaseKeepsTheVips() throws Exception {
        VrrpRouter r = start();
        scheduler.advance(4 * SECOND);
        network.calls.clear();
        r.stop(true);
        assertTrue(network.calls.stream().noneMatch(c -> c.startsWith("remove")), network.calls.toString());
    }
}
