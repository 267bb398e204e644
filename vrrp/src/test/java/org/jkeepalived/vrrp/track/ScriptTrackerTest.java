package org.jkeepalived.vrrp.track;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jkeepalived.core.config.SourceLocation;
import org.jkeepalived.core.config.vrrp.VrrpScript;
import org.jkeepalived.core.time.FakeScheduler;
import org.jkeepalived.vrrp.track.ScriptHysteresis.Status;
import org.junit.jupiter.api.Test;

/** A vrrp_script driven in virtual time with a fake runner. */
class ScriptTrackerTest {
    private static final long SECOND = 1_000_000_000L;
    private final FakeScheduler scheduler = new FakeScheduler();
    private final FakeScriptRunner runner = new FakeScriptRunner();
    private final List<String> changes = new ArrayList<>();

    private ScriptTracker tracker(int rise, int fall, Optional<Duration> timeout) {
        VrrpScript s = new VrrpScript("chk", "/bin/chk", Duration.ofSeconds(2), timeout, 0, false, rise, fall,
                Optional.empty(), Optional.empty(), false, new SourceLocation("k.conf", 1));
        ScriptTracker t = new ScriptTracker(s, List.of("/bin/chk"), runner, scheduler,
                (name, st) -> changes.add(name + " " + st + " @" + scheduler.nanoTime() / SECOND));
        t.start();
        return t;
    }

    private void finish(ScriptOutcome o) {
        runner.last().finish(o);
        scheduler.runDue();
    }

    @Test
    void runsEveryIntervalAndAppliesRiseAndFall() {
        tracker(2, 2, Optional.empty());
        scheduler.runDue();
        assertEquals(1, runner.runs.size());
        assertEquals(Duration.ofSeconds(2), runner.last().timeout, "timeout defaults to the interval");
        finish(ScriptOutcome.exited(0));
        assertEquals(List.of("chk OK @0"), changes);
        scheduler.advance(2 * SECOND);
        assertEquals(2, runner.runs.size());
        finish(ScriptOutcome.exited(1));
        scheduler.advance(2 * SECOND);
        finish(ScriptOutcome.timedOut());
        assertEquals(List.of("chk OK @0", "chk FAILED @4"), changes);
        scheduler.advance(2 * SECOND);
        finish(ScriptOutcome.exited(0));
        scheduler.advance(2 * SECOND);
        finish(ScriptOutcome.exited(0));
        assertEquals(List.of("chk OK @0", "chk FAILED @4", "chk OK @8"), changes);
    }

    @Test
    void neverRunsTwiceAtOnceAndCountsAScriptThatCannotStartAsFailure() {
        tracker(1, 1, Optional.of(Duration.ofSeconds(5)));
        scheduler.runDue();
        scheduler.advance(10 * SECOND); // the first run has not reported yet
        assertEquals(1, runner.runs.size());
        assertEquals(Duration.ofSeconds(5), runner.last().timeout);
        finish(ScriptOutcome.notStarted("No such file"));
        assertEquals(List.of("chk FAILED @10"), changes);
        assertEquals(2, runner.runs.size(), "late result: the next run starts at once");
    }

    @Test
    void closeKillsTheRunAndStops() {
        ScriptTracker t = tracker(1, 1, Optional.empty());
        scheduler.runDue();
        t.close();
        assertTrue(runner.last().killed);
        finish(ScriptOutcome.exited(0));
        scheduler.advance(10 * SECOND);
        assertEquals(1, runner.runs.size());
        assertEquals(List.of(), changes);
        assertEquals(Status.INIT, t.status());
    }
}
