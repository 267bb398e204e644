package org.jkeepalived.core.time;

/** A monotonic clock in nanoseconds; only differences between readings mean anything. */
@FunctionalInterface
public interface Clock {
    long nanoTime();
}
