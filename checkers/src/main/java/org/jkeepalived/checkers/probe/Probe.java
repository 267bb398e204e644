package org.jkeepalived.checkers.probe;

import java.util.function.Consumer;

/**
 * One health check attempt against one server. {@link #run} starts it without blocking and reports exactly once,
 * on any thread, within the checker's connect_timeout (or misc_timeout).
 */
@FunctionalInterface
public interface Probe {
    void run(Consumer<ProbeResult> done);
}
