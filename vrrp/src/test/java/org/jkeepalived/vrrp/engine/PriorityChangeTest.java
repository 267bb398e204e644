package org.jkeepalived.vrrp.engine;

import static org.jkeepalived.vrrp.engine.Fixtures.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.jkeepalived.core.time.FakeScheduler;
import org.junit.jupiter.api.Test;

/** Listeners hear of effective priority changes (keepalived's notify_priority_changes) once started. */
class PriorityChangeTest {
    private static final long SECOND = 1_000_000_000L;
    private final FakeScheduler scheduler = new FakeScheduler();
    private final RecordingPorts ports = new RecordingPorts(scheduler);

    @Test
    void changesAreReportedWithTheStateTheyHappenIn() {
        VrrpInstance vi = ports.instance(spec().track(TrackedObject.trackScript("flip", -20))
                .track(TrackedObject.trackInterface("eth1", 0)).build());
        vi.scriptResult("flip", true);
        vi.start();
        vi.scriptResult("flip", false);
        scheduler.advance(4 * SECOND);
        vi.scriptResult("flip", true);
        vi.interfaceChanged("eth1", false);
        vi.scriptResult("flip", false);
        vi.stop();
        vi.scriptResult("flip", true);
        assertEquals(List.of("BACKUP 80", "MASTER 100", "FAULT 80"), ports.priorityChanges);
    }

    @Test
    void nothingBeforeStartNorForAReload() {
        VrrpInstance vi = ports.instance(spec().track(TrackedObject.trackScript("flip", -20)).build());
        vi.scriptResult("flip", false);
        vi.start();
        vi.reconfigure(spec().priority(150).track(TrackedObject.trackScript("flip", -20)).build());
        assertEquals(130, vi.effectivePriority());
        assertEquals(List.of(), ports.priorityChanges);
    }

    @Test
    void aWaitingInstanceReportsAsNotMaster() {
        VrrpInstance vi = ports.instance(spec().track(TrackedObject.trackScript("gate", 0))
                .track(TrackedObject.trackScript("w", 10)).build());
        vi.scriptPending("gate");
        vi.scriptPending("w");
        vi.start();
        vi.scriptResult("w", true);
        assertEquals(List.of("INIT 110"), ports.priorityChanges);
    }
}
