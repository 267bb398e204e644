package org.jkeepalived.checkers.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class CheckerStateTest {
    private static final long S = 1_000_000_000L;

    private static CheckTiming timing(long retry, boolean alpha) {
        return new CheckTiming(Duration.ofSeconds(6), retry, Duration.ofSeconds(2), Duration.ZERO,
                Duration.ofSeconds(3), alpha, false);
    }

    @Test
    void upServerFailsOnlyAfterRetries() {
        CheckerState s = new CheckerState(timing(2, false));
        assertTrue(s.up());
        assertEquals(new CheckerState.Outcome(CheckerState.Transition.NONE, 2 * S, true), s.onResult(false));
        assertEquals(new CheckerState.Outcome(CheckerState.Transition.NONE, 2 * S, true), s.onResult(false));
        assertEquals(new CheckerState.Outcome(CheckerState.Transition.DOWN, 6 * S, false), s.onResult(false));
        assertFalse(s.up());
    }

    @Test
    void successResetsTheRetryCount() {
        CheckerState s = new CheckerState(timing(1, false));
        s.onResult(false);
        assertEquals(CheckerState.Transition.NONE, s.onResult(true).transition());
        assertTrue(s.onResult(false).retrying());
        assertEquals(CheckerState.Transition.DOWN, s.onResult(false).transition());
    }

    @Test
    void downServerIsProbedEveryDelayLoopAndComesUpOnFirstSuccess() {
        CheckerState s = new CheckerState(timing(3, true));
        assertFalse(s.up());
        assertEquals(new CheckerState.Outcome(CheckerState.Transition.NONE, 6 * S, false), s.onResult(false));
        assertEquals(new CheckerState.Outcome(CheckerState.Transition.UP, 6 * S, false), s.onResult(true));
    }
}
