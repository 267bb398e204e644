package org.jkeepalived.vrrp.engine;

import static org.jkeepalived.vrrp.engine.Fixtures.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jkeepalived.core.time.FakeScheduler;
import org.junit.jupiter.api.Test;

class TrackingTest {
    private final FakeScheduler scheduler = new FakeScheduler();
    private final RecordingPorts ports = new RecordingPorts(scheduler);

    @Test
    void negativeScriptWeightLowersPriorityWhenFailing() {
        VrrpInstance vi = ports.instance(spec().track(TrackedObject.trackScript("chk", -20)).build());
        vi.scriptResult("chk", false);
        assertEquals(80, vi.effectivePriority());
        vi.scriptResult("chk", true);
        assertEquals(100, vi.effectivePriority());
        assertEquals(List.of("(VI_1) Changing effective priority from 100 to 80",
                "(VI_1) Changing effective priority from 80 to 100"), ports.log);
    }

    @Test
    void positiveInterfaceWeightAddsWhileUp() {
        VrrpInstance vi = ports.instance(spec().track(TrackedObject.trackInterface("eth1", 30)).build());
        assertEquals(130, vi.effectivePriority());
        vi.interfaceChanged("eth1", false);
        assertEquals(100, vi.effectivePriority());
    }

    @Test
    void reverseInvertsStatusAndWeight() {
        VrrpInstance vi = ports.instance(spec()
                .track(new TrackedObject(TrackedObject.Kind.SCRIPT, "up_lowers", 10, true))
                .track(new TrackedObject(TrackedObject.Kind.INTERFACE, "down_raises", -5, true)).build());
        assertEquals(90, vi.effectivePriority());
        vi.scriptResult("up_lowers", false);
        assertEquals(100, vi.effectivePriority());
        vi.interfaceChanged("down_raises", false);
        assertEquals(105, vi.effectivePriority());
    }

    @Test
    void priorityIsClampedToOneAnd254() {
        VrrpInstance vi = ports.instance(spec().priority(250)
                .track(TrackedObject.trackScript("a", 100)).track(TrackedObject.trackScript("b", -254)).build());
        assertEquals(254, vi.effectivePriority());
        vi.scriptResult("b", false);
        assertEquals(96, vi.effectivePriority());
        vi.scriptResult("a", false);
        assertEquals(1, vi.effectivePriority());
    }

    @Test
    void ownerPriorityIsNotMovedByWeights() {
        VrrpInstance vi = ports.instance(spec().priority(255).track(TrackedObject.trackScript("a", -50)).build());
        vi.scriptResult("a", false);
        assertEquals(255, vi.effectivePriority());
    }

    @Test
    void trackFileMultipliesValueByWeight() {
        VrrpInstance vi = ports.instance(spec().track(TrackedObject.trackFile("f", 2)).build());
        vi.fileValue("f", -15);
        assertEquals(70, vi.effectivePriority());
        vi.start();
        vi.fileValue("f", -127);
        assertEquals(VrrpState.FAULT, vi.state());
        assertTrue(ports.log.contains("(VI_1): entering FAULT state (tracked file f has status -127)"));
    }

    @Test
    void trackFileWeightZeroFaultsOnNonZero() {
        VrrpInstance vi = ports.instance(spec().track(TrackedObject.trackFile("f", 0)).build());
        vi.start();
        vi.fileValue("f", 1);
        assertEquals(VrrpState.FAULT, vi.state());
        vi.fileValue("f", 0);
        assertEquals(VrrpState.BACKUP, vi.state());
        assertEquals(TransitionReason.FAULT_CLEARED, ports.lastTransition().reason());
    }

    @Test
    void unweightedInterfaceDownMeansFaultAndMasterSendsPriorityZero() {
        VrrpInstance vi = ports.instance(spec().track(TrackedObject.trackInterface("eth1", 0)).build());
        vi.start();
        scheduler.runUntil(vi.masterDownInterval() * 1000);
        assertEquals(VrrpState.MASTER, vi.state());
        vi.interfaceChanged("eth1", false);
        assertEquals(VrrpState.FAULT, vi.state());
        assertEquals(0, ports.lastSent().advert().priority());
        assertEquals(List.of("remove VI_1", "install VI_1", "remove VI_1"), ports.installs);
        assertTrue(ports.log.contains("(VI_1): entering FAULT state (interface eth1 down)"));
        assertTrue(ports.log.contains("(VI_1) Entering FAULT STATE"));
        int sent = ports.sent.size();
        scheduler.advance(60_000_000_000L);
        assertEquals(sent, ports.sent.size(), "FAULT sends nothing");
        vi.interfaceChanged("eth1", true);
        assertEquals(VrrpState.BACKUP, vi.state());
    }

    @Test
    void faultAtStartupIsLoggedAsInit() {
        VrrpInstance vi = ports.instance(spec().track(TrackedObject.trackScript("chk", 0)).build());
        vi.scriptResult("chk", false);
        vi.start();
        assertEquals(VrrpState.FAULT, vi.state());
        assertEquals(List.of("(VI_1) Entering FAULT STATE (init)"), ports.log);
    }

    @Test
    void ownerLeavesFaultStraightToMaster() {
        VrrpInstance vi = ports.instance(spec().priority(255).track(TrackedObject.trackScript("chk", 0)).build());
        vi.start();
        vi.scriptResult("chk", false);
        assertEquals(VrrpState.FAULT, vi.state());
        vi.scriptResult("chk", true);
        assertEquals(VrrpState.MASTER, vi.state());
    }
}
