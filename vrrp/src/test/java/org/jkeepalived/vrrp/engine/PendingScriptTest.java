package org.jkeepalived.vrrp.engine;

import static org.jkeepalived.vrrp.engine.Fixtures.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jkeepalived.core.time.FakeScheduler;
import org.junit.jupiter.api.Test;

/**
 * Tracked scripts with no result yet, as keepalived 2.2.7 handles them (run in a namespace with scripts that
 * sleep 8 s before their first exit): a weight-0 script keeps the instance in INIT, with no state, line or
 * notification, until it reports; a weighted script lets the instance start at its base priority.
 */
class PendingScriptTest {
    private static final long SECOND = 1_000_000_000L;
    private final FakeScheduler scheduler = new FakeScheduler();
    private final RecordingPorts ports = new RecordingPorts(scheduler);

    private VrrpInstance started(TrackedObject... tracked) {
        InstanceSpec.Builder b = spec().priority(100);
        for (TrackedObject t : tracked) {
            b.track(t);
        }
        VrrpInstance vi = ports.instance(b.build());
        for (TrackedObject t : tracked) {
            vi.scriptPending(t.name());
        }
        vi.start();
        return vi;
    }

    @Test
    void weightZeroKeepsTheInstanceInInitUntilTheFirstSuccess() {
        VrrpInstance vi = started(TrackedObject.trackScript("chk", 0));
        scheduler.advance(8 * SECOND);
        assertEquals(VrrpState.INIT, vi.state());
        assertEquals(List.of("(VI_1) removing VIPs."), ports.log);
        assertTrue(ports.transitions.isEmpty(), "nothing notified while waiting");
        assertTrue(ports.sent.isEmpty());

        vi.scriptResult("chk", true);
        assertEquals(VrrpState.BACKUP, vi.state());
        // keepalived: "(VI_A) Entering BACKUP STATE", without "(init)"
        assertEquals("(VI_1) Entering BACKUP STATE", ports.log.get(1));
        assertEquals(TransitionReason.STARTUP, ports.lastTransition().reason());
        assertEquals(VrrpState.INIT, ports.lastTransition().from());
        // the Master_Down_Timer starts from the first result: 3 s + skew 0.609 s later (keepalived: 3.61 s)
        scheduler.advance(3_609_375_000L - 1);
        assertEquals(VrrpState.BACKUP, vi.state());
        scheduler.advance(1);
        assertEquals(VrrpState.MASTER, vi.state());
        assertEquals(8 * 1_000_000 + 3_609_375, ports.lastTransition().atMicros());
    }

    @Test
    void weightZeroFirstFailureGoesToFaultWithoutALine() {
        VrrpInstance vi = started(TrackedObject.trackScript("chk", 0));
        scheduler.advance(8 * SECOND);
        vi.scriptResult("chk", false);
        assertEquals(VrrpState.FAULT, vi.state());
        assertEquals(List.of("(VI_1) removing VIPs."), ports.log, "keepalived logs no FAULT line here");
        assertEquals(1, ports.transitions.size(), "but notifies FAULT");
        assertEquals(VrrpState.FAULT, ports.lastTransition().to());
        assertEquals(TransitionReason.TRACKER_FAULT, ports.lastTransition().reason());
        vi.scriptResult("chk", true);
        assertEquals(VrrpState.BACKUP, vi.state());
        assertEquals("(VI_1) Entering BACKUP STATE", ports.log.get(ports.log.size() - 1));
    }

    @Test
    void everyWeightZeroScriptMustReport() {
        VrrpInstance vi = started(TrackedObject.trackScript("a", 0), TrackedObject.trackScript("b", 0),
                TrackedObject.trackScript("w", 10));
        vi.scriptResult("a", true);
        vi.scriptResult("w", true);
        assertEquals(VrrpState.INIT, vi.state());
        assertEquals(110, vi.effectivePriority());
        vi.scriptResult("b", true);
        assertEquals(VrrpState.BACKUP, vi.state());
    }

    @Test
    void weightedScriptsStartAtTheBasePriority() {
        VrrpInstance plus = started(TrackedObject.trackScript("up", 10));
        assertEquals(VrrpState.BACKUP, plus.state());
        assertEquals(List.of("(VI_1) removing VIPs.", "(VI_1) Entering BACKUP STATE (init)"), ports.log);
        assertEquals(100, plus.effectivePriority(), "+10 waits for the first success");
        plus.scriptResult("up", true);
        assertEquals(110, plus.effectivePriority());

        VrrpInstance minus = started(TrackedObject.trackScript("down", -10));
        assertEquals(100, minus.effectivePriority(), "-10 is not taken before the first failure");
        minus.scriptResult("down", true);
        assertEquals(100, minus.effectivePriority());
        minus.scriptResult("down", false);
        assertEquals(90, minus.effectivePriority());
    }

    @Test
    void reverseWeightsAreNotAppliedEither() {
        VrrpInstance vi = started(new TrackedObject(TrackedObject.Kind.SCRIPT, "r", 10, true),
                new TrackedObject(TrackedObject.Kind.SCRIPT, "z", 0, true));
        assertEquals(100, vi.effectivePriority());
        assertEquals(VrrpState.INIT, vi.state(), "reverse weight 0 waits too");
        assertFalse(vi.trackerFault());
    }

    @Test
    void aPendingScriptShowsAsNotHealthyAndAddingNothing() {
        VrrpInstance vi = started(TrackedObject.trackScript("up", 10));
        assertEquals(new TrackerStatus(TrackedObject.trackScript("up", 10), false, 0, 0, false),
                vi.trackerStatus().get(0));
    }

    @Test
    void anotherFaultDoesNotWait() {
        VrrpInstance vi = ports.instance(spec().track(TrackedObject.trackScript("chk", 0))
                .track(TrackedObject.trackInterface("eth1", 0)).build());
        vi.scriptPending("chk");
        vi.interfaceChanged("eth1", false);
        vi.start();
        assertEquals(VrrpState.FAULT, vi.state());
    }
}
