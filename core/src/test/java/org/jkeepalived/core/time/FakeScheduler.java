package org.jkeepalived.core.time;

import java.util.PriorityQueue;

/**
 * A scheduler in virtual time: nothing runs until a test advances the clock, and then every task
 * due by the new time runs in deadline order (ties in submission order), with the clock set to each
 * task's deadline while it runs. Single-threaded.
 */
public final class FakeScheduler implements Scheduler {
    private final PriorityQueue<Task> queue = new PriorityQueue<>();
    private long now;
    private long sequence;

    public FakeScheduler() {
        this(0);
    }

    public FakeScheduler(long startNanos) {
        this.now = startNanos;
    }

    @Override
    public long nanoTime() {
        return now;
    }

    @Override
    public Timer schedule(long delayNanos, Runnable task) {
        Task t = new Task(now + Math.max(0, delayNanos), sequence++, task);
        queue.add(t);
        return () -> t.cancelled = true;
    }

    /** Advances virtual time by {@code nanos}, running every task due on the way. */
    public void advance(long nanos) {
        runUntil(now + nanos);
    }

    /** Runs every task due at or before {@code deadline}, then sets the clock to it. */
    public void runUntil(long deadline) {
        Task t;
        while ((t = queue.peek()) != null && t.at <= deadline) {
            queue.poll();
            if (!t.cancelled) {
                now = t.at;
                t.task.run();
            }
        }
        now = Math.max(now, deadline);
    }

    /** Runs tasks due now (zero-delay work) without moving the clock. */
    public void runDue() {
        runUntil(now);
    }

    /** The deadline of the next live task, or {@code Long.MAX_VALUE} when none is queued. */
    public long nextDeadline() {
        while (!queue.isEmpty() && queue.peek().cancelled) {
            queue.poll();
        }
        return queue.isEmpty() ? Long.MAX_VALUE : queue.peek().at;
    }

    /** Runs the next live task, moving the clock to its deadline; returns false when none is queued. */
    public boolean runNext() {
        long next = nextDeadline();
        if (next == Long.MAX_VALUE) {
            return false;
        }
        runUntil(next);
        return true;
    }

    public int pending() {
        return (int) queue.stream().filter(t -> !t.cancelled).count();
    }

    private static final class Task implements Comparable<Task> {
        final long at;
        final long seq;
        final Runnable task;
        boolean cancelled;

        Task(long at, long seq, Runnable task) {
            this.at = at;
            this.seq = seq;
            this.task = task;
        }

        @Override
        public int compareTo(Task o) {
            int c = Long.compare(at, o.at);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }
}
