package org.jkeepalived.vrrp.sim;

import static org.jkeepalived.vrrp.sim.Lab.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.jkeepalived.vrrp.engine.SyncGroup;
import org.jkeepalived.vrrp.engine.TrackedObject;
import org.jkeepalived.vrrp.engine.VrrpState;
import org.junit.jupiter.api.Test;

/** Preemption, tracking weights, sync groups and partitions on a simulated LAN. */
class FailoverScenarioTest {
    private final Lab lab = new Lab(2);

    @Test
    void higherPriorityPreemptsWhenItComesUp() {
        SimRouter low = lab.router(1, spec(7, 1).priority(100));
        SimRouter high = lab.router(2, spec(7, 2).priority(200));
        low.startAll();
        lab.runUntilMicros(10_000_000);
        assertSame(low, lab.master(7));
        high.startAll();
        // high discards low's adverts and times out after its own Master_Down_Interval
        lab.runUntilMicros(10_000_000 + 3_218_749);
        assertSame(low, lab.master(7));
        lab.runUntilMicros(10_000_000 + 3_218_750 + 100);
        assertSame(high, lab.master(7));
    }

    @Test
    void nopreemptLeavesTheRunningMasterAlone() {
        SimRouter low = lab.router(1, spec(7, 1).priority(100));
        SimRouter high = lab.router(2, spec(7, 2).priority(200).preempt(false));
        low.startAll();
        lab.runUntilMicros(10_000_000);
        high.startAll();
        lab.runUntilMicros(600_000_000);
        assertSame(low, lab.master(7));
    }

    @Test
    void preemptDelayPostponesTakeover() {
        SimRouter low = lab.router(1, spec(7, 1).priority(100));
        SimRouter high = lab.router(2, spec(7, 2).priority(200).preemptDelayMicros(30_000_000));
        low.startAll();
        lab.runUntilMicros(10_000_000);
        high.startAll();
        // low became MASTER at 3.609375 s and advertises every second from then; the first advert high
        // hears (10.609475 s) starts the 30 s delay; adverts are accepted until 40.609475 s, the one
        // arriving then is discarded, so the timer reset at 39.609475 s fires 3.21875 s later.
        lab.runUntilMicros(39_609_475 + 3_218_750 - 1);
        assertSame(low, lab.master(7));
        lab.runUntilMicros(39_609_475 + 3_218_750 + 100);
        assertSame(high, lab.master(7));
    }

    @Test
    void trackedScriptWeightCausesAndUndoesFailover() {
        SimRouter a = lab.router(1, spec(7, 1).priority(150).track(TrackedObject.trackScript("chk_nginx", -60)));
        SimRouter b = lab.router(2, spec(7, 2).priority(100));
        lab.lan.routers().forEach(SimRouter::startAll);
        lab.runUntilMicros(10_000_000);
        assertSame(a, lab.master(7));
        a.instance(7).scriptResult("chk_nginx", false);
        assertEquals(90, a.instance(7).effectivePriority());
        lab.runUntilMicros(20_000_000);
        assertSame(b, lab.master(7));
        a.instance(7).scriptResult("chk_nginx", true);
        lab.runUntilMicros(30_000_000);
        assertSame(a, lab.master(7));
        assertEquals(VrrpState.BACKUP, b.instance(7).state());
    }

    @Test
    void syncGroupFailsOverTogether() {
        SimRouter a = lab.router(1, spec(7, 1).priority(150).track(TrackedObject.trackInterface("eth1", 0)),
                spec(8, 1).priority(150));
        SimRouter b = lab.router(2, spec(7, 2).priority(100), spec(8, 2).priority(100));
        new SyncGroup("G", List.of(a.instance(7), a.instance(8)));
        new SyncGroup("G", List.of(b.instance(7), b.instance(8)));
        lab.lan.routers().forEach(SimRouter::startAll);
        lab.runUntilMicros(10_000_000);
        assertSame(a, lab.master(7));
        assertSame(a, lab.master(8));
        a.instance(7).interfaceChanged("eth1", false);
        assertEquals(VrrpState.FAULT, a.instance(8).state());
        lab.runUntilMicros(11_000_000);
        assertSame(b, lab.master(7));
        assertSame(b, lab.master(8));
        a.instance(7).interfaceChanged("eth1", true);
        lab.runUntilMicros(20_000_000);
        assertSame(a, lab.master(7));
        assertSame(a, lab.master(8));
    }

    @Test
    void partitionMakesTwoMastersAndHealLeavesOneWithinAnAdvertInterval() {
        SimRouter a = lab.router(1, spec(7, 1).priority(200));
        SimRouter b = lab.router(2, spec(7, 2).priority(100));
        lab.lan.routers().forEach(SimRouter::startAll);
        lab.runUntilMicros(10_000_000);
        assertSame(a, lab.master(7));
        lab.lan.partition(List.of(a));
        lab.runUntilMicros(20_000_000);
        assertEquals(2, lab.masterCount(7));
        long healedAt = 20_300_000;
        lab.runUntilMicros(healedAt);
        lab.lan.heal();
        lab.runUntilMicros(healedAt + 1_000_000 + lab.lan.delayMicros());
        assertSame(a, lab.master(7));
        assertEquals(VrrpState.BACKUP, b.instance(7).state());
    }

    @Test
    void unicastPeersElectOverUnicast() {
        SimRouter a = lab.router(1, spec(7, 1).priority(200).unicastPeer(Lab.ip(2)).unicastPeer(Lab.ip(3)));
        SimRouter b = lab.router(2, spec(7, 2).priority(150).unicastPeer(Lab.ip(1)).unicastPeer(Lab.ip(3)));
        SimRouter c = lab.router(3, spec(7, 3).priority(100).unicastPeer(Lab.ip(1)).unicastPeer(Lab.ip(2)));
        lab.lan.routers().forEach(SimRouter::startAll);
        lab.runUntilMicros(10_000_000);
        assertSame(a, lab.master(7));
        a.kill();
        lab.runUntilMicros(20_000_000);
        assertSame(b, lab.master(7));
        assertEquals(VrrpState.BACKUP, c.instance(7).state());
    }
}
