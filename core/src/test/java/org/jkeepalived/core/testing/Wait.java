package org.jkeepalived.core.testing;

import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * A bounded poll: every wait in the integration tests ends after a fixed time and a fixed number of
 * tries, whichever comes first, so a broken daemon makes a test fail instead of hang.
 */
public final class Wait {
    private Wait() {
    }

    /** Polls {@code probe} until it yields a value or {@code timeout} passes; empty on timeout. */
    public static <T> Optional<T> poll(Duration timeout, Duration every, Supplier<Optional<T>> probe) {
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
    public static boolean until(Duration timeout, Duration every, BooleanSupplier condition) {
        return poll(timeout, every, () -> condition.getAsBoolean() ? Optional.of(Boolean.TRUE) : Optional.empty())
                .isPresent();
    }

    /**
     * Polls {@code condition} every 50 ms for at most {@code timeout}; fails with {@code why} (built only then,
     * so it can carry the logs as they are at that moment) if it never held.
     */
    public static void require(BooleanSupplier condition, Duration timeout, Supplier<String> why) {
        if (!until(timeout, Duration.ofMillis(50), condition)) {
            throw new AssertionError(why.get());
        }
    }

    /** Sleeps without turning an interrupt into a silent return. */
    public static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis(), (int) (d.toNanosPart() % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
