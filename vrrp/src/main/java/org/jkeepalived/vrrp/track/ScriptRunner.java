package org.jkeepalived.vrrp.track;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * The port through which tracked and notify scripts run: starts a process without blocking the caller,
 * kills it (and everything it started) when it outlives its timeout, and reports how it ended. The
 * outcome arrives on a runner thread; callers move it to their own scheduler.
 */
public interface ScriptRunner {
    /**
     * Starts {@code argv}; {@code done} receives the outcome once. A null timeout means no limit (a
     * FIFO reader that lives as long as the daemon). The returned handle kills the run early.
     */
    Running run(List<String> argv, Duration timeout, Consumer<ScriptOutcome> done);

    /** A started (or starting) run. */
    @FunctionalInterface
    interface Running {
        /** Kills the script and what it started; nothing when it has ended. */
        void kill();
    }
}
