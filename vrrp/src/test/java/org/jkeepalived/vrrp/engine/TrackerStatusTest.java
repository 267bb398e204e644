package org.jkeepalived.vrrp.engine;

import static org.jkeepalived.vrrp.engine.Fixtures.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.jkeepalived.core.time.FakeScheduler;
import org.junit.jupiter.api.Test;

/** The read-only view status output takes of an instance: tracked objects' results and the last transition. */
class TrackerStatusTest {
    private final FakeScheduler scheduler = new FakeScheduler();
    private final RecordingPorts ports = new RecordingPorts(scheduler);

    @Test
    void eachTrackedObjectShowsItsResultAndContribution() {
        VrrpInstance vi = ports.instance(spec()
                .track(TrackedObject.trackScript("chk", -20))
                .track(TrackedObject.trackInterface("eth1", 5))
                .track(TrackedObject.trackFile("f", 2))
                .track(TrackedObject.trackScript("hard", 0)).build());
        vi.scriptResult("chk", false);
        vi.fileValue("f", -3);
        List<TrackerStatus> s = vi.trackerStatus();
        assertEquals(new TrackerStatus(TrackedObject.trackScript("chk", -20), false, 0, -20, false), s.get(0));
        assertEquals(new TrackerStatus(TrackedObject.trackInterface("eth1", 5), true, 0, 5, false), s.get(1));
        assertEquals(new TrackerStatus(TrackedObject.trackFile("f", 2), false, -3, -6, false), s.get(2));
        assertEquals(new TrackerStatus(TrackedObject.trackScript("hard", 0), true, 0, 0, false), s.get(3));
        assertEquals(100 - 20 + 5 - 6, vi.effectivePriority());
        vi.scriptResult("hard", false);
        assertEquals(true, vi.trackerStatus().get(3).fault());
    }

    @Test
    void lastTransitionCarriesReasonTimeAndPriorityAndIsCountedByReason() {
        VrrpInstance vi = ports.instance(spec().track(TrackedObject.trackScript("chk", 0)).build());
        assertNull(vi.lastTransition());
        vi.start();
        scheduler.advance(1_000_000_000L);
        vi.scriptResult("chk", false);
        VrrpInstance.Transition t = vi.lastTransition();
        assertEquals(VrrpState.BACKUP, t.from());
        assertEquals(VrrpState.FAULT, t.to());
        assertEquals(TransitionReason.TRACKER_FAULT, t.reason());
        assertEquals(scheduler.nanoTime(), t.nanoTime());
        assertEquals(1, vi.counters().transitions(TransitionReason.STARTUP));
        assertEquals(1, vi.counters().transitions(TransitionReason.TRACKER_FAULT));
        assertEquals(0, vi.counters().transitions(TransitionReason.MASTER_DOWN_TIMER));
    }
}
