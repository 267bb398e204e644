package org.jkeepalived.watchdog;

import org.jkeepalived.core.time.Clock;

/**
 * keepalived's back-off for respawning one child: the first unexpected death is answered at once, each
 * further one after twice the previous delay (1 s, 2 s, 4 s ... up to 60 s), and a child that ran for
 * 60 s before it died counts as a first death again. Pure: times come from the {@link Clock}.
 */
final class RespawnPolicy {
    static final long SECOND = 1_000_000_000L;
    static final long FIRST_DELAY = SECOND;
    static final long MAX_DELAY = 60 * SECOND;
    /** Uptime after which a child is considered healthy and the back-off starts over. */
    static final long RESET_AFTER = 60 * SECOND;

    private final Clock clock;
    private long startedAt;
    private long nextDelay;

    RespawnPolicy(Clock clock) {
        this.clock = clock;
        this.startedAt = clock.nanoTime();
    }

    /** The child was (re)started now. */
    void started() {
        startedAt = clock.nanoTime();
    }

    /** The child died unexpectedly now: how long to wait before starting it again, in nanoseconds. */
    long died() {
        if (clock.nanoTime() - startedAt >= RESET_AFTER) {
            nextDelay = 0;
        }
        long delay = nextDelay;
        nextDelay = delay == 0 ? FIRST_DELAY : Math.min(2 * delay, MAX_DELAY);
        return delay;
    }
}
