package org.jkeepalived.watchdog.failover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.List;
import org.jkeepalived.core.testing.Command;
import org.jkeepalived.core.testing.Daemon;
import org.jkeepalived.core.testing.Wait;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * Failover on a LAN where every router runs the same {@link #daemon()}: election, crash (SIGKILL),
 * graceful stop (SIGTERM), link failure and recovery, unicast, VRRPv3 over IPv6 and use_vmac, each
 * timed against the RFC bounds from tcpdump and rtnetlink timestamps.
 */
abstract class FailoverScenarios {
    private Testbed tb;

    /** The daemon every router of the LAN runs. */
    abstract Daemon daemon();

    @BeforeAll
    static void requirements() {
        assumeTrue(Command.isRoot(), "needs root for network namespaces");
        assumeTrue(Command.available("tcpdump"), "needs tcpdump");
    }

    @AfterEach
    void teardown() {
        if (tb != null) {
            tb.close();
            tb = null;
        }
    }

    private Testbed testbed(int routers, VrrpConfig config, TestInfo info) {
        tb = Testbed.create(routers, config, daemon() + "-" + info.getTestMethod().orElseThrow().getName());
        return tb;
    }

    /** Election, then SIGKILL of the master: the backup takes over within Master_Down_Interval. */
    private void crashFailover(Testbed tb, int routers) {
        Daemon d = daemon();
        RouterProcess r1 = tb.start(1, d, 150);
        RouterProcess r2 = tb.start(2, d, 100);
        List<RouterProcess> backups = routers == 3 ? List.of(r2, tb.start(3, d, 50)) : List.of(r2);
        tb.awaitRoles(r1, backups, Testbed.STARTUP);
        boolean vmac = tb.config().vmac();
        // With use_vmac the client may learn r1's own MAC first: the kernel answers our TCP probe
        // through eth0 and ARPs for the client from there. The takeover's GARP must still win.
        tb.learnVip(vmac ? null : r1.node().mac());

        int mark2 = r2.mark();
        int mark3 = routers == 3 ? backups.get(1).mark() : 0;
        Takeover t = Takeover.afterCrash(tb, r1, r2);
        t.assertWithin(tb.config().masterDownMicros(100), "takeover after SIGKILL");
        r2.waitForLog(mark2, Testbed.MASTER, Duration.ofSeconds(1));
        assertTrue(r2.node().ns().hasAddress(tb.vip()), "the new master holds the VIP");
        if (routers == 3) {
            RouterProcess r3 = backups.get(1);
            assertEquals(0, r3.count(mark3, Testbed.MASTER), "r3 (priority 50) must stay BACKUP\n" + r3.tail());
            assertFalse(r3.node().ns().hasAddress(tb.vip()), "r3 must not hold the VIP");
        }
        assertTrue(r1.node().ns().hasAddress(tb.vip()), "a crashed master keeps its VIP");
        String newMac = vmac ? VrrpConfig.VMAC4 : r2.node().mac();
        assertEquals(newMac, t.announcement().source(), "source MAC of the new master's GARP/NA");
        if (vmac) {
            assertEquals(VrrpConfig.VMAC4, t.lastAdvert().source(), "use_vmac: adverts come from the VMAC");
        }
        tb.awaitClientNeighbour(newMac, Duration.ofSeconds(3));
        assertTrue(tb.lan().reach(tb.vip()), "client reaches the VIP on the new master");
    }

    @Test
    void twoRoutersElectAndFailOverOnCrash(TestInfo info) {
        crashFailover(testbed(2, VrrpConfig.v2(), info), 2);
    }

    @Test
    void threeRoutersElectAndNextHighestTakesOverOnCrash(TestInfo info) {
        crashFailover(testbed(3, VrrpConfig.v2(), info), 3);
    }

    @Test
    void unicastFailsOverOnCrash(TestInfo info) {
        crashFailover(testbed(2, VrrpConfig.v2().withUnicast(), info), 2);
    }

    @Test
    void vrrpV3OverIpv6FailsOverOnCrash(TestInfo info) {
        crashFailover(testbed(2, VrrpConfig.v3(6), info), 2);
    }

    @Test
    void useVmacFailsOverOnCrash(TestInfo info) {
        crashFailover(testbed(2, VrrpConfig.v2().withVmac(), info), 2);
    }

    @Test
    void sigtermHandsOverAfterSkewTime(TestInfo info) {
        Testbed tb = testbed(2, VrrpConfig.v2(), info);
        RouterProcess r1 = tb.start(1, daemon(), 150);
        RouterProcess r2 = tb.start(2, daemon(), 100);
        tb.awaitRoles(r1, List.of(r2), Testbed.STARTUP);
        Takeover t = Takeover.afterTerminate(tb, r1, r2);
        t.assertWithin(tb.config().skewMicros(100), "takeover after the priority-0 advert");
        assertFalse(r1.node().ns().hasAddress(tb.vip()), "a stopped master removes its VIP");
    }

    @Test
    void linkDownFaultsAndLinkUpPreemptsBack(TestInfo info) {
        Testbed tb = testbed(2, VrrpConfig.v2(), info);
        RouterProcess r1 = tb.start(1, daemon(), 150);
        RouterProcess r2 = tb.start(2, daemon(), 100);
        tb.awaitRoles(r1, List.of(r2), Testbed.STARTUP);
        Capture fromMaster = tb.captureFrom(r1.node());
        AddressMonitor monitor = tb.monitor(r2.node());
        assertTrue(Wait.until(Duration.ofSeconds(3), Duration.ofMillis(10),
                () -> fromMaster.frames(Frame::isAdvert).size() >= 2), "no adverts from r1");
        int mark1 = r1.mark();
        int mark2 = r2.mark();
        long downAt = Testbed.nowMicros();
        Lan.linkDown(r1.node());

        r1.waitForLog(mark1, Testbed.FAULT, Duration.ofSeconds(3));
        assertTrue(Wait.until(Duration.ofSeconds(3), Duration.ofMillis(10), () -> !r1.node().ns().hasAddress(tb.vip())),
                "r1 in FAULT keeps the VIP: " + r1.node().ns().addresses());
        long vipAt = monitor.waitForAdded(tb.vip(), downAt, Duration.ofSeconds(8))
                .orElseThrow(() -> new AssertionError("r2 did not take the VIP\n" + r2.tail()));
        r2.waitForLog(mark2, Testbed.MASTER, Duration.ofSeconds(1));
        Takeover.withoutAnnouncement(Testbed.lastAdvertBefore(fromMaster, vipAt), vipAt)
                .assertWithin(tb.config().masterDownMicros(100), "takeover after the master's link went down");

        mark1 = r1.mark();
        mark2 = r2.mark();
        Lan.linkUp(r1.node());
        tb.awaitRoles(r1, List.of(r2), Duration.ofSeconds(10));
        r1.waitForLog(mark1, Testbed.MASTER, Duration.ofSeconds(10));
        r2.waitForLog(mark2, Testbed.BACKUP, Duration.ofSeconds(10));
    }
}
