package org.jkeepalived.watchdog;

import static org.jkeepalived.watchdog.RespawnPolicy.SECOND;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.jkeepalived.core.time.FakeScheduler;
import org.junit.jupiter.api.Test;

class RespawnPolicyTest {
    private final FakeScheduler clock = new FakeScheduler();
    private final RespawnPolicy policy = new RespawnPolicy(clock);

    /** Lets the child run for {@code uptime} after its (re)start, then kills it; returns the delay asked for. */
    private long runAndDie(long uptime) {
        policy.started();
        clock.advance(uptime);
        long delay = policy.died();
        clock.advance(delay);
        return delay;
    }

    @Test
    void firstDeathAtOnceThenDoublingFromOneSecondUpToSixty() {
        long[] expected = {0, 1, 2, 4, 8, 16, 32, 60, 60, 60};
        for (long e : expected) {
            assertEquals(e * SECOND, runAndDie(SECOND / 10));
        }
    }

    @Test
    void sixtySecondsOfUptimeResetTheBackOff() {
        runAndDie(SECOND);
        runAndDie(SECOND);
        assertEquals(2 * SECOND, runAndDie(59 * SECOND), "59 s of uptime are not enough");
        assertEquals(0, runAndDie(60 * SECOND));
        assertEquals(SECOND, runAndDie(SECOND));
    }

    @Test
    void configAndPermissionExitsAreNotRespawned() {
        assertEquals("configuration error", ExitStatus.fatalReason(ExitStatus.CONFIG));
        assertEquals("missing permission", ExitStatus.fatalReason(ExitStatus.PERMISSION));
        assertNull(ExitStatus.fatalReason(137));
        assertNull(ExitStatus.fatalReason(0));
    }
}
