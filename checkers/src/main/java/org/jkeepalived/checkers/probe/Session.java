package org.jkeepalived.checkers.probe;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.SelectionKey;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One probe's I/O on one channel, driven by the {@link ProbeReactor}: opened on the reactor thread, bounded by
 * a deadline, and finished exactly once (which closes the channel and reports the result).
 */
abstract class Session {
    private static final Logger LOG = LoggerFactory.getLogger(Session.class);

    protected final ProbeReactor reactor;
    private final Consumer<ProbeResult> done;
    private ProbeReactor.Deadline deadline;
    protected Closeable channel;
    protected SelectionKey key;
    /** Set instead of {@link #key} when the channel is a native connection ({@link ProbeSockets}). */
    protected ProbeSockets.Connection connection;
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
        } else if (connection != null && !finished) {
            try {
                connection.interest(ops);
            } catch (IOException e) {
                finish(ProbeResult.failed(describe(e)));
            }
        }
    }

    /** The native sockets a probe with {@code bind_if} or {@code fwmark} needs; fails when there are none. */
    protected ProbeSockets nativeSockets() throws IOException {
        return reactor.sockets().orElseThrow(() -> new IOException(
                "bind_if and fwmark need native sockets, which are not available"));
    }

    /** A native connection's readiness report, from its own thread, handed to the reactor thread. */
    final void readyLater(int ops) {
        reactor.submit(() -> {
            if (finished) {
                return;
            }
            try {
                ready(ops);
            } catch (RuntimeException e) {
                LOG.warn("probe failed unexpectedly", e);
                finish(ProbeResult.failed(e.toString()));
            }
        });
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
