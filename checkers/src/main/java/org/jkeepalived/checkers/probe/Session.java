package org.jkeepalived.checkers.probe;

import java.io.IOException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.util.function.Consumer;

/**
 * One probe's I/O on one channel, driven by the {@link ProbeReactor}: opened on the reactor thread, bounded by
 * a deadline, and finished exactly once (which closes the channel and reports the result).
 */
abstract class Session {
    protected final ProbeReactor reactor;
    private final Consumer<ProbeResult> done;
    private ProbeReactor.Deadline deadline;
    protected SelectableChannel channel;
    protected SelectionKey key;
    private boolean finished;

    Session(ProbeReactor reactor, Consumer<ProbeResult> done) {
        this.reactor = reactor;
        this.done = done;
    }

    /** Starts the probe on the reactor thread with a timeout of {@code timeoutNanos}. */
    final void launch(long timeoutNanos) {
        reactor.submit(() -> {
            deadline = reactor.deadline(timeoutNanos, () -> finish(timedOut()));
            try {
                open();
            } catch (IOException | RuntimeException e) {
                finish(ProbeResult.failed(describe(e)));
            }
        });
    }

    /** Opens the channel and registers it (reactor thread). */
    abstract void open() throws IOException;

    /** The channel is ready for {@code ops}. */
    abstract void ready(int ops);

    /** The result when the deadline passes first. */
    ProbeResult timedOut() {
        return ProbeResult.failed("timeout");
    }

    final void interest(int ops) {
        if (key != null && key.isValid()) {
            key.interestOps(ops);
        }
    }

    final boolean finished() {
        return finished;
    }

    /** Closes the channel and reports {@code r}, once. */
    final void finish(ProbeResult r) {
        if (finished) {
            return;
        }
        finished = true;
        if (deadline != null) {
            deadline.cancel();
        }
        if (key != null) {
            key.cancel();
        }
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // the result is what matters
            }
        }
        done.accept(r);
    }

    static String describe(Exception e) {
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m;
    }
}
