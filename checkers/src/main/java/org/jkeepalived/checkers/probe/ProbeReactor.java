package org.jkeepalived.checkers.probe;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One selector thread that drives the network probes of many checkers: every channel is non-blocking, every
 * probe has a deadline, so a slow server costs a registration and a timer, never a thread. Work from other
 * threads enters through {@link #submit}; everything else runs on the reactor thread.
 */
public final class ProbeReactor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ProbeReactor.class);

    private final Selector selector;
    private final Thread thread;
    private final ConcurrentLinkedQueue<Runnable> inbox = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean woken = new AtomicBoolean();
    private final PriorityQueue<Deadline> deadlines = new PriorityQueue<>();
    private long sequence;
    private volatile boolean running = true;
    private volatile ProbeSockets sockets;

    private ProbeReactor(String name) throws IOException {
        selector = Selector.open();
        thread = new Thread(this::loop, name);
        thread.setDaemon(true);
    }

    /** Opens a selector and starts its thread, named {@code name}. */
    public static ProbeReactor start(String name) {
        try {
            ProbeReactor r = new ProbeReactor(name);
            r.thread.start();
            return r;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a selector", e);
        }
    }

    /** Runs {@code task} on the reactor thread. */
    public void submit(Runnable task) {
        inbox.add(task);
        if (Thread.currentThread() != thread && woken.compareAndSet(false, true)) {
            selector.wakeup();
        }
    }

    /** Registers {@code ch} for {@code ops}; {@code session} is told when it is ready. Reactor thread only. */
    SelectionKey register(SelectableChannel ch, int ops, Session session) throws ClosedChannelException {
        return ch.register(selector, ops, session);
    }

    /** Calls {@code task} after {@code nanos} unless cancelled. Reactor thread only. */
    Deadline deadline(long nanos, Runnable task) {
        Deadline d = new Deadline(System.nanoTime() + nanos, sequence++, task);
        deadlines.add(d);
        return d;
    }

    /** Runs {@code task} on the reactor thread after {@code nanos}; returns a handle whose run() cancels it. */
    public Runnable after(long nanos, Runnable task) {
        Deadline[] holder = new Deadline[1];
        boolean[] cancelled = new boolean[1];
        submit(() -> {
            if (!cancelled[0]) {
                holder[0] = deadline(nanos, task);
            }
        });
        return () -> submit(() -> {
            cancelled[0] = true;
            if (holder[0] != null) {
                holder[0].cancel();
            }
        });
    }

    /** Lets TCP probes with {@code bind_if} or {@code fwmark} open their connections through {@code s}. */
    public void useSockets(ProbeSockets s) {
        sockets = s;
    }

    /** Where connections needing native socket options come from; empty: such probes fail. */
    Optional<ProbeSockets> sockets() {
        return Optional.ofNullable(sockets);
    }

    /** Probes in flight (channels registered). */
    public int registered() {
        return selector.keys().size();
    }

    @Override
    public void close() {
        running = false;
        selector.wakeup();
        if (Thread.currentThread() != thread) {
            try {
                thread.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void loop() {
        try {
            while (running) {
                long wait = runDeadlines();
                woken.set(false);
                if (!inbox.isEmpty()) {
                    selector.selectNow();
                } else if (wait < 0) {
                    selector.select();
                } else {
                    selector.select(Math.max(1, wait / 1_000_000));
                }
                for (SelectionKey k : selector.selectedKeys()) {
                    Session s = (Session) k.attachment();
                    if (!k.isValid()) {
                        continue;
                    }
                    try {
                        s.ready(k.readyOps());
                    } catch (RuntimeException e) {
                        LOG.warn("probe failed unexpectedly", e);
                        s.finish(ProbeResult.failed(e.toString()));
                    }
                }
                selector.selectedKeys().clear();
                Runnable r;
                while ((r = inbox.poll()) != null) {
                    try {
                        r.run();
                    } catch (RuntimeException e) {
                        LOG.warn("probe task failed", e);
                    }
                }
            }
        } catch (IOException e) {
            LOG.error("probe selector failed", e);
        } finally {
            for (SelectionKey k : selector.keys()) {
                ((Session) k.attachment()).finish(ProbeResult.failed("checker stopping"));
            }
            try {
                selector.close();
            } catch (IOException ignored) {
                // nothing left to release
            }
        }
    }

    /** Runs due deadlines; returns nanoseconds to the next one, or -1 when none. */
    private long runDeadlines() {
        long now = System.nanoTime();
        Deadline d;
        while ((d = deadlines.peek()) != null) {
            if (d.cancelled) {
                deadlines.poll();
                continue;
            }
            long left = d.at - now;
            if (left > 0) {
                return left;
            }
            deadlines.poll();
            try {
                d.task.run();
            } catch (RuntimeException e) {
                LOG.warn("probe timeout handling failed", e);
            }
        }
        return -1;
    }

    /** A pending timeout; cancel it when the probe finishes first. */
    static final class Deadline implements Comparable<Deadline> {
        final long at;
        final long seq;
        final Runnable task;
        boolean cancelled;

        Deadline(long at, long seq, Runnable task) {
            this.at = at;
            this.seq = seq;
            this.task = task;
        }

        void cancel() {
            cancelled = true;
        }

        @Override
        public int compareTo(Deadline o) {
            long d = at - o.at;
            return d != 0 ? (d < 0 ? -1 : 1) : Long.compare(seq, o.seq);
        }
    }
}
