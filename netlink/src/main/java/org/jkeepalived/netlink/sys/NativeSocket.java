package org.jkeepalived.netlink.sys;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.io.Closeable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A socket file descriptor with every call wrapped: failures become {@link ErrnoException}s named
 * after the call and the socket's subject (usually the interface), {@code EINTR} is retried, and a
 * thread blocked in a receive is woken by {@link #close()} (through an eventfd polled beside the
 * socket, because {@code close(2)} on a descriptor another thread waits on wakes nobody, and netlink
 * sockets do not support {@code shutdown(2)}).
 */
public final class NativeSocket implements Closeable {
    /** Returned by the receive methods once the socket is closed. */
    public static final int CLOSED = -1;
    /** Returned by the receive methods when their timeout passed without data. */
    public static final int TIMED_OUT = -2;

    private final int fd;
    private final int wakeFd;
    private final String subject;
    private final Memory pollFds = new Memory(16);
    private final ReentrantLock receiving = new ReentrantLock();
    private volatile boolean closed;

    private NativeSocket(int fd, int wakeFd, String subject) {
        this.fd = fd;
        this.wakeFd = wakeFd;
        this.subject = subject;
    }

    /** Opens {@code socket(domain, type | SOCK_CLOEXEC, protocol)}; {@code subject} names it in error messages. */
    public static NativeSocket open(int domain, int type, int protocol, String subject) throws ErrnoException {
        int fd = ErrnoException.check(LibC.socket(domain, type | LibC.SOCK_CLOEXEC, protocol), "socket", subject);
        int wake = LibC.eventfd(0, LibC.EFD_CLOEXEC);
        if (wake < 0) {
            int errno = Native.getLastError();
            LibC.close(fd);
            throw new ErrnoException("eventfd", subject, errno);
        }
        return new NativeSocket(fd, wake, subject);
    }

    public int fd() {
        return fd;
    }

    public String subject() {
        return subject;
    }

    public boolean isClosed() {
        return closed;
    }

    /** Whether no thread is inside a receive call (after {@link #close()}: native buffers may be freed). */
    public boolean isIdle() {
        return !receiving.isLocked();
    }

    public void setInt(int level, int option, int value, String optionName) throws ErrnoException {
        try (Memory m = new Memory(4)) {
            m.setInt(0, value);
            setOption(level, option, m, 4, optionName);
        }
    }

    public void setOption(int level, int option, Pointer value, int length, String optionName) throws ErrnoException {
        ErrnoException.check(LibC.setsockopt(fd, level, option, value, length), "setsockopt", subject + ", " + optionName);
    }

    public int getInt(int level, int option, String optionName) throws ErrnoException {
        try (Memory m = new Memory(4); Memory len = new Memory(4)) {
            len.setInt(0, 4);
            ErrnoException.check(LibC.getsockopt(fd, level, option, m, len), "getsockopt", subject + ", " + optionName);
            return m.getInt(0);
        }
    }

    /** {@code SO_BINDTODEVICE}: the socket sends and receives only through this interface. */
    public void bindToDevice(String interfaceName) throws ErrnoException {
        byte[] name = Native.toByteArray(interfaceName);
        try (Memory m = new Memory(name.length)) {
            m.write(0, name, 0, name.length);
            setOption(LibC.SOL_SOCKET, LibC.SO_BINDTODEVICE, m, name.length, "SO_BINDTODEVICE");
        }
    }

    public void bind(Pointer sockaddr, int length) throws ErrnoException {
        ErrnoException.check(LibC.bind(fd, sockaddr, length), "bind", subject);
    }

    /** Sends {@code length} bytes to {@code sockaddr} (null for a connected or netlink-kernel peer). */
    public int sendTo(Pointer data, int length, Pointer sockaddr, int sockaddrLength) throws ErrnoException {
        while (true) {
            long rc = LibC.sendto(fd, data, length, 0, sockaddr, sockaddrLength);
            if (rc >= 0) {
                return (int) rc;
            }
            int errno = Native.getLastError();
            if (errno != Errno.EINTR.code()) {
                throw new ErrnoException("sendto", subject, errno);
            }
        }
    }

    /**
     * Waits up to {@code timeoutMillis} (negative: forever) for data. Returns false on timeout or
     * once the socket is closed.
     */
    public boolean awaitReadable(int timeoutMillis) throws ErrnoException {
        if (closed) {
            return false;
        }
        while (true) {
            pollFds.setInt(0, fd);
            pollFds.setShort(4, LibC.POLLIN);
            pollFds.setShort(6, (short) 0);
            pollFds.setInt(8, wakeFd);
            pollFds.setShort(12, LibC.POLLIN);
            pollFds.setShort(14, (short) 0);
            int rc = LibC.poll(pollFds, 2, timeoutMillis);
            if (rc < 0) {
                int errno = Native.getLastError();
                if (errno == Errno.EINTR.code()) {
                    continue;
                }
                throw new ErrnoException("poll", subject, errno);
            }
            if (closed || pollFds.getShort(14) != 0) {
                return false;
            }
            return rc > 0 && pollFds.getShort(6) != 0;
        }
    }

    /**
     * Blocks until a datagram arrives and copies it into {@code buffer}; the source address goes to
     * {@code sockaddr} when not null. Returns the datagram length (which may exceed {@code capacity}
     * with {@code MSG_TRUNC}), or {@link #CLOSED}.
     */
    public int receive(Pointer buffer, int capacity, int flags, Pointer sockaddr, Pointer sockaddrLength)
            throws ErrnoException {
        return receive(buffer, capacity, flags, sockaddr, sockaddrLength, -1);
    }

    /** As {@link #receive(Pointer, int, int, Pointer, Pointer)}, giving up with {@link #TIMED_OUT} after {@code timeoutMillis}. */
    public int receive(Pointer buffer, int capacity, int flags, Pointer sockaddr, Pointer sockaddrLength,
                       int timeoutMillis) throws ErrnoException {
        receiving.lock();
        try {
            while (true) {
                if (!awaitReadable(timeoutMillis)) {
                    return closed ? CLOSED : TIMED_OUT;
                }
                long rc = LibC.recvfrom(fd, buffer, capacity, flags | LibC.MSG_DONTWAIT, sockaddr, sockaddrLength);
                if (rc >= 0) {
                    return (int) rc;
                }
                int errno = Native.getLastError();
                if (errno != Errno.EINTR.code() && errno != Errno.EAGAIN.code()) {
                    throw new ErrnoException("recvfrom", subject, errno);
                }
            }
        } finally {
            receiving.unlock();
        }
    }

    /** Blocks until a datagram arrives and reads it with {@code recvmsg}. Returns its length or {@link #CLOSED}. */
    public int receiveMessage(MsgHdr msg) throws ErrnoException {
        receiving.lock();
        try {
            while (true) {
                if (!awaitReadable(-1)) {
                    return CLOSED;
                }
                long rc = LibC.recvmsg(fd, msg.prepare(), LibC.MSG_DONTWAIT);
                if (rc >= 0) {
                    return (int) rc;
                }
                int errno = Native.getLastError();
                if (errno != Errno.EINTR.code() && errno != Errno.EAGAIN.code()) {
                    throw new ErrnoException("recvmsg", subject, errno);
                }
            }
        } finally {
            receiving.unlock();
        }
    }

    /** Wakes any receiving thread, waits (bounded) for it to leave, then closes the descriptors. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try (Memory one = new Memory(8)) {
            one.setLong(0, 1);
            LibC.write(wakeFd, one, 8);
        }
        boolean locked = false;
        try {
            locked = receiving.tryLock(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            LibC.close(fd);
            LibC.close(wakeFd);
        } finally {
            if (locked) {
                receiving.unlock();
            }
        }
    }

    @Override
    public String toString() {
        return "NativeSocket[fd=" + fd + ", " + subject + (closed ? ", closed]" : "]");
    }
}
