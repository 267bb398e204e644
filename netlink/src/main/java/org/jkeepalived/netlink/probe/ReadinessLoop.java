package org.jkeepalived.netlink.probe;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Platform;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.jkeepalived.netlink.sys.Errno;
import org.jkeepalived.netlink.sys.ErrnoException;
import org.jkeepalived.netlink.sys.LibC;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One epoll thread that reports when native sockets ({@link ProbeSocket}) become readable or writable. Interest
 * is one-shot ({@code EPOLLONESHOT}): the owner {@link #arm}s a socket, gets one {@link Listener#ready} call and
 * arms it again when it wants more, so the owner's thread alone decides what happens next. Registrations carry a
 * unique token rather than the descriptor, so a report for a closed socket never reaches the socket that reused
 * its number.
 */
public final class ReadinessLoop implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ReadinessLoop.class);
    /** {@code struct epoll_event} is packed on x86_64 (12 bytes) and naturally aligned elsewhere (16 bytes). */
    private static final int EVENT_SIZE = Platform.isIntel() ? 12 : 16;
    private static final int DATA_OFFSET = Platform.isIntel() ? 4 : 8;
    private static final int BATCH = 64;

    /** Told, on the loop's thread, what a socket is ready for. */
    @FunctionalInterface
    public interface Listener {
        void ready(boolean readable, boolean writable, boolean error);
    }

    private final int epfd;
    private final Map<Long, Listener> listeners = new ConcurrentHashMap<>();
    private final AtomicLong tokens = new AtomicLong();
    private final Thread thread;
    private volatile boolean running = true;

    private ReadinessLoop(int epfd, String name) {
        this.epfd = epfd;
        thread = new Thread(this::loop, name);
        thread.setDaemon(true);
    }

    /** Creates the epoll instance and starts its thread, named {@code name}. */
    public static ReadinessLoop start(String name) throws ErrnoException {
        int fd = ErrnoException.check(LibC.epoll_create1(LibC.EPOLL_CLOEXEC), "epoll_create1", name);
        ReadinessLoop l = new ReadinessLoop(fd, name);
        l.thread.start();
        return l;
    }

    /** Watches {@code fd} (nothing armed yet); returns the token that {@link #arm} and {@link #remove} take. */
    public long add(int fd, Listener listener) throws ErrnoException {
        long token = tokens.incrementAndGet();
        listeners.put(token, listener);
        try {
            ctl(LibC.EPOLL_CTL_ADD, fd, 0, token);
        } catch (ErrnoException e) {
            listeners.remove(token);
            throw e;
        }
        return token;
    }

    /** Asks for one report when {@code fd} is readable and/or writable (errors are always reported). */
    public void arm(int fd, long token, boolean read, boolean write) throws ErrnoException {
        int events = LibC.EPOLLONESHOT | (read ? LibC.EPOLLIN : 0) | (write ? LibC.EPOLLOUT : 0);
        ctl(LibC.EPOLL_CTL_MOD, fd, events, token);
    }

    /** Stops watching {@code fd}; call before closing it. */
    public void remove(int fd, long token) {
        listeners.remove(token);
        try {
            ctl(LibC.EPOLL_CTL_DEL, fd, 0, token);
        } catch (ErrnoException e) {
            LOG.debug("epoll_ctl(DEL) failed: {}", e.getMessage());
        }
    }

    /** Sockets watched. */
    public int watched() {
        return listeners.size();
    }

    private void ctl(int op, int fd, int events, long token) throws ErrnoException {
        try (Memory ev = new Memory(EVENT_SIZE)) {
            ev.clear();
            ev.setInt(0, events);
            ev.setLong(DATA_OFFSET, token);
            ErrnoException.check(LibC.epoll_ctl(epfd, op, fd, ev), "epoll_ctl", "fd " + fd);
        }
    }

    private void loop() {
        try (Memory events = new Memory((long) EVENT_SIZE * BATCH)) {
            while (running) {
                // A bounded wait, so close() is noticed without a wakeup descriptor.
                int n = LibC.epoll_wait(epfd, events, BATCH, 200);
                if (n < 0) {
                    int errno = Native.getLastError();
                    if (errno == Errno.EINTR.code()) {
                        continue;
                    }
                    LOG.error("epoll_wait failed: {}", Errno.nameOf(errno));
                    return;
                }
                for (int i = 0; i < n; i++) {
                    int ev = events.getInt((long) i * EVENT_SIZE);
                    Listener l = listeners.get(events.getLong((long) i * EVENT_SIZE + DATA_OFFSET));
                    if (l == null) {
                        continue;
                    }
                    try {
                        l.ready((ev & LibC.EPOLLIN) != 0, (ev & LibC.EPOLLOUT) != 0,
                                (ev & (LibC.EPOLLERR | LibC.EPOLLHUP)) != 0);
                    } catch (RuntimeException e) {
                        LOG.warn("readiness listener failed", e);
                    }
                }
            }
        } finally {
            LibC.close(epfd);
        }
    }

    @Override
    public void close() {
        running = false;
        if (Thread.currentThread() != thread) {
            try {
                thread.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
