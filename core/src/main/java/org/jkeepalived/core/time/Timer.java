package org.jkeepalived.core.time;

/** A scheduled task that can still be cancelled; cancelling one that already ran does nothing. */
@FunctionalInterface
public interface Timer {
    void cancel();
}
