package org.jkeepalived.core.time;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * keepalived's automatic real-time priority ({@code max_auto_priority}, {@code min_auto_priority_delay}):
 * when a timer runs more than the minimum delay after it should have expired, the process is not being
 * scheduled soon enough, and its real-time priority goes up by one, from SCHED_RR's lowest (1) to the
 * maximum.
 */
public record AutoPriority(int max, Duration minDelay) {
    /** keepalived's default {@code min_auto_priority_delay}: one second. */
    public static final Duration DEFAULT_MIN_DELAY = Duration.ofSeconds(1);
    /** SCHED_RR's lowest priority. */
    private static final int LOWEST = 1;

    /** From the global_defs values: an absent maximum (or -1) turns the increase off. */
    public static AutoPriority of(OptionalInt max, Optional<Duration> minDelay) {
        return new AutoPriority(Math.max(0, max.orElse(0)), minDelay.orElse(DEFAULT_MIN_DELAY));
    }

    /** Whether a late timer may raise the priority at all. */
    public boolean enabled() {
        return max > 0;
    }

    /** Whether a timer that ran {@code lateNanos} after its deadline counts as late. */
    public boolean isLate(long lateNanos) {
        return lateNanos > minDelay.toNanos();
    }

    /** The priority after a late timer, from {@code current} (0: not real-time); unchanged at the maximum. */
    public int next(int current) {
        if (!enabled() || current >= max) {
            return current;
        }
        return current <= 0 ? LOWEST : current + 1;
    }
}
