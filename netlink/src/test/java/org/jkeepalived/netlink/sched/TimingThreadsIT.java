package org.jkeepalived.netlink.sched;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Real-time scheduling of timing threads, read back from the kernel (root: SCHED_RR needs CAP_SYS_NICE). */
class TimingThreadsIT {
    private ExecutorService thread;

    @BeforeEach
    void root() {
        assumeTrue("root".equals(System.getProperty("user.name")), "SCHED_RR needs root");
        thread = Executors.newSingleThreadExecutor();
    }

    @AfterEach
    void stop() throws Exception {
        if (thread != null) {
            thread.shutdownNow();
            assertTrue(thread.awaitTermination(5, TimeUnit.SECONDS));
        }
    }

    private <T> T on(Callable<T> work) throws Exception {
        return thread.submit(work).get(5, TimeUnit.SECONDS);
    }

    @Test
    void aJoiningThreadRunsAtThePriorityAndFollowsItsChanges() throws Exception {
        TimingThreads timing = new TimingThreads(7);
        int tid = on(() -> {
            timing.join();
            return ThreadScheduling.currentThreadId();
        });
        assertEquals(List.of(2, 7), policy(tid));
        timing.priority(9);
        assertEquals(List.of(2, 9), policy(tid));
        timing.priority(0);
        assertEquals(List.of(0, 0), policy(tid));
        on(() -> {
            timing.leave();
            return null;
        });
        timing.priority(5);
        assertEquals(List.of(0, 0), policy(tid), "a thread that left is not changed");
    }

    @Test
    void bulkWorkRunsUnderSchedOtherAndThePriorityComesBack() throws Exception {
        TimingThreads timing = new TimingThreads(3);
        List<Boolean> during = on(() -> {
            timing.join();
            int tid = ThreadScheduling.currentThreadId();
            boolean[] inside = new boolean[1];
            timing.runNormal(() -> {
                try {
                    inside[0] = ThreadScheduling.isRealtime(tid);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            boolean after = ThreadScheduling.isRealtime(tid);
            timing.leave();
            ThreadScheduling.normal(tid);
            return List.of(inside[0], after);
        });
        assertFalse(during.get(0), "under SCHED_OTHER during the work");
        assertTrue(during.get(1), "back to SCHED_RR after it");
    }

    @Test
    void aNormalSetLeavesThreadsAlone() throws Exception {
        TimingThreads timing = TimingThreads.normal();
        int tid = on(() -> {
            timing.join();
            return ThreadScheduling.currentThreadId();
        });
        assertEquals(List.of(0, 0), policy(tid));
    }

    /** SCHED policy and real-time priority of a thread of this process, as /proc shows them. */
    private static List<Integer> policy(int tid) throws Exception {
        String stat = Files.readString(Path.of("/proc/self/task", Integer.toString(tid), "stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return List.of(Integer.parseInt(f[38]), Integer.parseInt(f[37]));
    }
}
