package org.jkeepalived.core.time;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FakeSchedulerTest {
    @Test
    void runsTasksInDeadlineThenSubmissionOrderWithTheClockAtEachDeadline() {
        FakeScheduler s = new FakeScheduler();
        List<String> ran = new ArrayList<>();
        s.schedule(20, () -> ran.add("b@" + s.nanoTime()));
        s.schedule(10, () -> ran.add("a@" + s.nanoTime()));
        s.schedule(20, () -> ran.add("c@" + s.nanoTime()));
        Timer cancelled = s.schedule(15, () -> ran.add("x"));
        cancelled.cancel();
        s.advance(19);
        assertEquals(List.of("a@10"), ran);
        s.advance(100);
        assertEquals(List.of("a@10", "b@20", "c@20"), ran);
        assertEquals(119, s.nanoTime());
    }

    @Test
    void aTaskScheduledByATaskRunsInTheSameAdvanceWhenDue() {
        FakeScheduler s = new FakeScheduler();
        List<Long> ran = new ArrayList<>();
        s.schedule(5, () -> s.schedule(5, () -> ran.add(s.nanoTime())));
        s.advance(10);
        assertEquals(List.of(10L), ran);
    }
}
