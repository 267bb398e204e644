package org.jkeepalived.vrrp.packet;

import java.util.Objects;
import org.jkeepalived.core.time.Clock;
import org.slf4j.Logger;

/**
 * A debug logger that lets through at most {@code burst} lines per {@code periodNanos} (a token bucket
 * on a {@link Clock}), so a flood of bad packets cannot flood the log. The next line that passes says
 * how many were suppressed.
 */
public final class RateLimitedLog {
    private final Logger log;
    private final Clock clock;
    private final long nanosPerToken;
    private final int burst;
    private double tokens;
    private long last;
    private long suppressed;

    public RateLimitedLog(Logger log, Clock clock, long periodNanos, int burst) {
        if (periodNanos <= 0 || burst <= 0) {
            throw new IllegalArgumentException("period " + periodNanos + " burst " + burst);
        }
        this.log = Objects.requireNonNull(log, "log");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.nanosPerToken = Math.max(1, periodNanos / burst);
        this.burst = burst;
        this.tokens = burst;
        this.last = clock.nanoTime();
    }

    /** Logs {@code "(instance) message"} at debug if the rate allows; returns whether it was logged. */
    public boolean debug(String instance, String message) {
        if (!log.isDebugEnabled()) {
            return false;
        }
        long now = clock.nanoTime();
        tokens = Math.min(burst, tokens + (double) (now - last) / nanosPerToken);
        last = now;
        if (tokens < 1) {
            suppressed++;
            return false;
        }
        tokens -= 1;
        if (suppressed > 0) {
            log.debug("({}) {} ({} similar lines suppressed)", instance, message, suppressed);
            suppressed = 0;
        } else {
            log.debug("({}) {}", instance, message);
        }
        return true;
    }

    /** Whether debug lines are wanted at all (callers skip building a message when not). */
    public boolean enabled() {
        return log.isDebugEnabled();
    }

    /** Lines dropped since the last one logged. */
    public long suppressed() {
        return suppressed;
    }
}
