package org.jkeepalived.core.time;

/**
 * Runs tasks after a delay on one logical thread, in deadline order (ties in submission order).
 * Pure logic takes a Scheduler instead of sleeping or reading the wall clock, so tests drive it
 * in virtual time.
 */
public interface Scheduler extends Clock {
    /** Runs {@code task} once, {@code delayNanos} from now (a negative delay means now). */
    Timer schedule(long delayNanos, Runnable task);

    /** Runs {@code task} as soon as possible, after tasks already due. */
    default Timer execute(Runnable task) {
        return schedule(0, task);
    }
}
