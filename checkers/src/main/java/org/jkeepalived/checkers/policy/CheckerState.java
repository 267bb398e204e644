package org.jkeepalived.checkers.policy;

import java.util.Objects;

/**
 * The up/down state of one checker with keepalived's retry rule: a checker that is up fails only after
 * {@code retry} further failed attempts {@code delay_before_retry} apart; a checker that is down is probed again
 * every {@code delay_loop} and comes up on the first success. Pure; the caller schedules the next attempt.
 */
public final class CheckerState {
    /** What a probe result changed, and when to probe next. */
    public record Outcome(Transition transition, long nextDelayNanos, boolean retrying) {
    }

    /** A change of the checker's state caused by one result. */
    public enum Transition { NONE, UP, DOWN }

    private final CheckTiming timing;
    private boolean up;
    private boolean hasRun;
    private long retryIt;

    /** A checker before its first run: down with {@code alpha}, up otherwise (keepalived's default). */
    public CheckerState(CheckTiming timing) {
        this.timing = Objects.requireNonNull(timing, "timing");
        this.up = !timing.alpha();
    }

    public boolean up() {
        return up;
    }

    public boolean hasRun() {
        return hasRun;
    }

    public CheckTiming timing() {
        return timing;
    }

    /** Takes over the state of the checker this one replaces on reload. */
    public void inherit(CheckerState old) {
        up = old.up;
        hasRun = old.hasRun;
    }

    /** Applies one probe result. */
    public Outcome onResult(boolean success) {
        long loop = timing.delayLoop().toNanos();
        hasRun = true;
        if (success) {
            retryIt = 0;
            if (!up) {
                up = true;
                return new Outcome(Transition.UP, loop, false);
            }
            return new Outcome(Transition.NONE, loop, false);
        }
        if (up && retryIt < timing.retry()) {
            retryIt++;
            return new Outcome(Transition.NONE, timing.delayBeforeRetry().toNanos(), true);
        }
        retryIt = 0;
        if (up) {
            up = false;
            return new Outcome(Transition.DOWN, loop, false);
        }
        return new Outcome(Transition.NONE, loop, false);
    }
}
