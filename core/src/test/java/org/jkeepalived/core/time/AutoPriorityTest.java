package org.jkeepalived.core.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class AutoPriorityTest {
    @Test
    void startsAtTheLowestRealTimePriorityAndStopsAtTheMaximum() {
        AutoPriority p = new AutoPriority(3, Duration.ofSeconds(1));
        assertEquals(1, p.next(0));
        assertEquals(2, p.next(1));
        assertEquals(3, p.next(2));
        assertEquals(3, p.next(3));
    }

    @Test
    void aConfiguredPriorityAboveTheMaximumIsKept() {
        // vrrp_rt_priority 20 with max_auto_priority 10: keepalived leaves 20 alone
        assertEquals(20, new AutoPriority(10, Duration.ofSeconds(1)).next(20));
    }

    @Test
    void absentOrMinusOneTurnsItOff() {
        AutoPriority absent = AutoPriority.of(OptionalInt.empty(), Optional.empty());
        assertFalse(absent.enabled());
        assertEquals(0, absent.next(0));
        assertFalse(AutoPriority.of(OptionalInt.of(-1), Optional.empty()).enabled());
        assertEquals(AutoPriority.DEFAULT_MIN_DELAY, absent.minDelay());
    }

    @Test
    void lateMeansMoreThanTheMinimumDelay() {
        AutoPriority p = AutoPriority.of(OptionalInt.of(99), Optional.of(Duration.ofMillis(200)));
        assertFalse(p.isLate(200_000_000));
        assertTrue(p.isLate(200_000_001));
    }
}
