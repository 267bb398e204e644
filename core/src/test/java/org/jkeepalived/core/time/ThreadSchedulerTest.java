package org.jkeepalived.core.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ThreadSchedulerTest {
    private final ThreadScheduler scheduler = ThreadScheduler.start("test-scheduler");

    @AfterEach
    void close() {
        scheduler.close();
    }

    @Test
    void runsInDeadlineOrderThenSubmissionOrder() throws Exception {
        List<String> order = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(4);
        scheduler.schedule(30_000_000, () -> { order.add("c"); done.countDown(); });
        scheduler.schedule(10_000_000, () -> { order.add("a"); done.countDown(); });
        scheduler.schedule(10_000_000, () -> { order.add("b"); done.countDown(); });
        scheduler.execute(() -> { order.add("now"); done.countDown(); });
        assertTrue(done.await(5, TimeUnit.SECONDS));
        assertEquals(List.of("now", "a", "b", "c"), order);
    }

    @Test
    void reportsATaskThatRanLaterThanTheThreshold() throws Exception {
        List<Long> late = new CopyOnWriteArrayList<>();
        scheduler.onLate(20_000_000, late::add);
        CountDownLatch blocking = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        scheduler.execute(() -> {
            blocking.countDown();
            awaitQuietly(release);
        });
        assertTrue(blocking.await(5, TimeUnit.SECONDS));
        scheduler.execute(done::countDown); // due now, but the scheduler thread is busy
        Thread.sleep(50);
        release.countDown();
        assertTrue(done.await(5, TimeUnit.SECONDS));
        assertEquals(1, late.size(), "only the delayed task is late: " + late);
        assertTrue(late.get(0) >= 40_000_000, "late by " + late.get(0));
    }

    @Test
    void aTaskOnTimeIsNotReportedLate() throws Exception {
        List<Long> late = new CopyOnWriteArrayList<>();
        scheduler.onLate(1_000_000_000L, late::add);
        CountDownLatch done = new CountDownLatch(1);
        scheduler.schedule(5_000_000, done::countDown);
        assertTrue(done.await(5, TimeUnit.SECONDS));
        assertEquals(List.of(), late);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void waitsAtLeastTheDelay() throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        long[] ranAt = new long[1];
        long start = System.nanoTime();
        scheduler.schedule(20_000_000, () -> { ranAt[0] = System.nanoTime(); done.countDown(); });
        assertTrue(done.await(5, TimeUnit.SECONDS));
        assertTrue(ranAt[0] - start >= 20_000_000, "ran early");
    }

    @Test
    void cancelledTaskNeverRuns() throws Exception {
        boolean[] ran = new boolean[1];
        Timer t = scheduler.schedule(10_000_000, () -> ran[0] = true);
        t.cancel();
        CountDownLatch later = new CountDownLatch(1);
        scheduler.schedule(30_000_000, later::countDown);
        assertTrue(later.await(5, TimeUnit.SECONDS));
        assertFalse(ran[0]);
    }

    @Test
    void callRunsOnTheSchedulerThreadAndSurvivesAFailingTask() throws Exception {
        scheduler.execute(() -> { throw new IllegalStateException("expected by the test"); });
        boolean inside = scheduler.call(scheduler::inSchedulerThread, 5_000);
        assertTrue(inside);
        assertFalse(scheduler.inSchedulerThread());
        // a task scheduled from the scheduler thread itself runs too
        CountDownLatch nested = new CountDownLatch(1);
        scheduler.execute(() -> scheduler.schedule(1_000_000, nested::countDown));
        assertTrue(nested.await(5, TimeUnit.SECONDS));
    }
}
