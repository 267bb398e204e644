package org.jkeepalived.watchdog.failover;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A bounded poll: every wait in the failover tests ends after a fixed time and a fixed number of
 * tries, whichever comes first, so a broken router makes a test fail instead of hang.
 */
final class Wait {
    static final Duration POLL = Duration.ofMillis(5);

    private Wait() {
    }

    /** Polls {@code probe} until it yields a value or {@code timeout} passes; empty on timeout. */
    static <T> Optional<T> poll(Duration timeout, Duration every, Supplier<Optional<T>> probe) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long maxTries = Math.max(1, timeout.toNanos() / Math.max(1, every.toNanos()) + 2);
        for (long tries = 0; tries < maxTries; tries++) {
            Optional<T> value = probe.get();
            if (value.isPresent()) {
                return value;
            }
            if (System.nanoTime() >= deadline) {
                break;
            }
            sleep(every);
        }
        return Optional.empty();
    }

    /** True once {@code condition} holds, false if it did not within {@code timeout}. */
    static boolean until(Duration timeout, Duration every, Supplier<Boolean> condition) {
        return poll(timeout, every, () -> condition.get() ? Optional.of(Boolean.TRUE) : Optional.empty())
                .isPresent();
    }

    /** Sleeps without turning an interrupt into a silent return. */
    static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis(), (int) (d.toNanosPart() % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
