package org.jkeepalived.netlink.sched;

import java.util.LinkedHashSet;
import java.util.Set;
import org.jkeepalived.netlink.sys.ErrnoException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The threads whose delays become VRRP timer errors (the scheduler thread and the advert receive
 * threads), and the real-time priority they run at: keepalived's {@code vrrp_rt_priority} and
 * {@code max_auto_priority}.
 *
 * <p>keepalived puts its whole single-threaded child under SCHED_RR. A JVM must not do that: its
 * collector, compiler and other threads would then compete with the advert thread at the same real-time
 * priority, where a busy SCHED_RR thread keeps a CPU for a whole 100 ms time slice (measured with
 * bench/gc-pressure.sh: adverts 64 ms late with everything under {@code chrt -r}). So only the threads
 * that {@link #join} run under SCHED_RR; everything else stays under SCHED_OTHER. That includes the VM
 * thread, although every Java thread waits for it at a safepoint: under SCHED_RR its first collections
 * (start-up data, 8-15 ms) ran past RLIMIT_RTTIME's hard limit and the kernel killed the child (measured).
 */
public final class TimingThreads {
    private static final Logger LOG = LoggerFactory.getLogger(TimingThreads.class);

    private final Set<Integer> members = new LinkedHashSet<>();
    private int priority;

    /** Timing threads at real-time {@code priority} (1..99), or under SCHED_OTHER when it is 0. */
    public TimingThreads(int priority) {
        this.priority = priority;
    }

    /** Timing threads that stay under SCHED_OTHER until {@link #priority(int)} raises them. */
    public static TimingThreads normal() {
        return new TimingThreads(0);
    }

    /** Makes the calling thread a timing thread, at the current priority. */
    public synchronized void join() {
        int tid = ThreadScheduling.currentThreadId();
        if (members.add(tid) && priority > 0) {
            apply(tid, priority);
        }
    }

    /** Removes the calling thread (call it as the thread ends). */
    public synchronized void leave() {
        members.remove(ThreadScheduling.currentThreadId());
    }

    /** The real-time priority timing threads run at; 0: SCHED_OTHER. */
    public synchronized int priority() {
        return priority;
    }

    /** Moves every timing thread to real-time {@code newPriority}, or to SCHED_OTHER when it is 0. */
    public synchronized void priority(int newPriority) {
        priority = newPriority;
        for (int tid : members) {
            apply(tid, newPriority);
        }
    }

    /**
     * Runs {@code work} on the calling timing thread under SCHED_OTHER, then restores its real-time
     * priority: for bulk work (starting or reloading hundreds of instances) that could otherwise use
     * more CPU without blocking than {@code vrrp_rlimit_rttime} allows, which ends in SIGKILL.
     */
    public void runNormal(Runnable work) {
        int p = priority();
        int tid = ThreadScheduling.currentThreadId();
        boolean member;
        synchronized (this) {
            member = members.contains(tid);
        }
        if (p == 0 || !member) {
            work.run();
            return;
        }
        apply(tid, 0);
        try {
            work.run();
        } finally {
            apply(tid, priority());
        }
    }

    private static void apply(int tid, int priority) {
        try {
            if (priority > 0) {
                ThreadScheduling.realtime(tid, priority);
            } else {
                ThreadScheduling.normal(tid);
            }
        } catch (ErrnoException e) {
            // keepalived's words when sched_setscheduler fails
            LOG.warn("child process: cannot raise priority ({})", e.getMessage());
        }
    }
}
