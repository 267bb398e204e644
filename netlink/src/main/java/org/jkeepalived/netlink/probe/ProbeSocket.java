package org.jkeepalived.netlink.probe;

import com.sun.jna.Memory;
import com.sun.jna.Native;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.nio.channels.ClosedChannelException;
import java.util.Optional;
import java.util.OptionalLong;

import org.jkeepalived.netlink.sys.Errno;
import org.jkeepalived.netlink.sys.ErrnoException;
import org.jkeepalived.netlink.sys.LibC;
import org.jkeepalived.netlink.sys.NativeSocket;
import org.jkeepalived.netlink.sys.SockaddrIn;
import org.jkeepalived.netlink.sys.SockaddrIn6;

/**
 * A non-blocking TCP connection or connected UDP socket opened through libc so that it can carry the socket
 * options Java NIO cannot set: {@code SO_BINDTODEVICE} (a checker's {@code bind_if}) and {@code SO_MARK} (its
 * {@code fwmark}). Like a non-blocking {@code SocketChannel} or {@code DatagramChannel}, reads and writes return 0
 * when they would block; readiness comes from a {@link ReadinessLoop}. On a UDP socket each read is one datagram
 * and an ICMP error shows as {@code ECONNREFUSED} from read or write.
 */
public final class ProbeSocket implements ByteChannel {
    private final NativeSocket socket;
    private final String subject;
    private final boolean datagram;

    private ProbeSocket(NativeSocket socket, String subject, boolean datagram) {
        this.socket = socket;
        this.subject = subject;
        this.datagram = datagram;
    }

    /**
     * Opens the socket, applies {@code device} and {@code mark}, binds to {@code from} when given and starts
     * connecting to {@code to} over TCP; {@link #finishConnect} says when it is done.
     */
    public static ProbeSocket connect(InetSocketAddress to, Optional<InetSocketAddress> from, Optional<String> device,
                                      OptionalLong mark) throws ErrnoException {
        return open(false, to, from, device, mark);
    }

    /** As {@link #connect}, a UDP socket connected to {@code to} (at once: there is no handshake). */
    public static ProbeSocket connectDatagram(InetSocketAddress to, Optional<InetSocketAddress> from,
                                              Optional<String> device, OptionalLong mark) throws ErrnoException {
        return open(true, to, from, device, mark);
    }

    private static ProbeSocket open(boolean datagram, InetSocketAddress to, Optional<InetSocketAddress> from,
                                    Optional<String> device, OptionalLong mark) throws ErrnoException {
        boolean v6 = to.getAddress() instanceof Inet6Address;
        String subject = (datagram ? "udp " : "tcp ") + to;
        NativeSocket s = NativeSocket.open(v6 ? LibC.AF_INET6 : LibC.AF_INET,
                (datagram ? LibC.SOCK_DGRAM : LibC.SOCK_STREAM) | LibC.SOCK_NONBLOCK, 0, subject);
        try {
            if (device.isPresent()) {
                s.bindToDevice(device.get());
            }
            if (mark.isPresent()) {
                s.setInt(LibC.SOL_SOCKET, LibC.SO_MARK, (int) mark.getAsLong(), "SO_MARK");
            }
            if (from.isPresent()) {
                s.setInt(LibC.SOL_SOCKET, LibC.SO_REUSEADDR, 1, "SO_REUSEADDR");
                try (Memory a = sockaddr(from.get(), v6)) {
                    s.bind(a, (int) a.size());
                }
            }
            try (Memory a = sockaddr(to, v6)) {
                int rc;
                do {
                    rc = LibC.connect(s.fd(), a, (int) a.size());
                } while (rc < 0 && Native.getLastError() == Errno.EINTR.code());
                if (rc < 0 && Native.getLastError() != Errno.EINPROGRESS.code()) {
                    throw new ErrnoException("connect", subject, Native.getLastError());
                }
            }
            return new ProbeSocket(s, subject, datagram);
        } catch (ErrnoException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    /** The descriptor, for a {@link ReadinessLoop}. */
    public int fd() {
        return socket.fd();
    }

    /** Throws the connect's error (SO_ERROR) when it failed; call once the socket was reported writable. */
    public void finishConnect() throws ErrnoException {
        int error = socket.getInt(LibC.SOL_SOCKET, LibC.SO_ERROR, "SO_ERROR");
        if (error != 0) {
            throw new ErrnoException("connect", subject, error);
        }
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        ensureOpen();
        int want = dst.remaining();
        if (want == 0) {
            return 0;
        }
        try (Memory m = new Memory(want)) {
            while (true) {
                long n = LibC.recvfrom(socket.fd(), m, want, 0, null, null);
                if (n > 0) {
                    dst.put(m.getByteArray(0, (int) n));
                    return (int) n;
                }
                if (n == 0) {
                    // an empty datagram is data; on a stream, 0 is the end
                    return datagram ? 0 : -1;
                }
                int errno = Native.getLastError();
                if (errno == Errno.EAGAIN.code()) {
                    return 0;
                }
                if (errno != Errno.EINTR.code()) {
                    throw new ErrnoException("recv", subject, errno);
                }
            }
        }
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
        ensureOpen();
        int len = src.remaining();
        if (len == 0) {
            return 0;
        }
        byte[] bytes = new byte[len];
        src.duplicate().get(bytes);
        try (Memory m = new Memory(len)) {
            m.write(0, bytes, 0, len);
            while (true) {
                // MSG_NOSIGNAL: a reset peer must give EPIPE, not a SIGPIPE to the whole JVM.
                long n = LibC.sendto(socket.fd(), m, len, LibC.MSG_NOSIGNAL, null, 0);
                if (n >= 0) {
                    src.position(src.position() + (int) n);
                    return (int) n;
                }
                int errno = Native.getLastError();
                if (errno == Errno.EAGAIN.code()) {
                    return 0;
                }
                if (errno != Errno.EINTR.code()) {
                    throw new ErrnoException("send", subject, errno);
                }
            }
        }
    }

    @Override
    public boolean isOpen() {
        return !socket.isClosed();
    }

    @Override
    public void close() {
        socket.close();
    }

    @Override
    public String toString() {
        return subject;
    }

    private void ensureOpen() throws ClosedChannelException {
        if (socket.isClosed()) {
            throw new ClosedChannelException();
        }
    }

    private static Memory sockaddr(InetSocketAddress a, boolean v6) {
        Memory m;
        if (v6 && a.getAddress() instanceof Inet6Address addr) {
            m = SockaddrIn6.of(addr, addr.getScopeId());
            m.setShort(SockaddrIn6.OFF_PORT, Short.reverseBytes((short) a.getPort()));
        } else if (!v6 && a.getAddress() instanceof Inet4Address addr) {
            m = SockaddrIn.of(addr);
            m.setShort(SockaddrIn.OFF_PORT, Short.reverseBytes((short) a.getPort()));
        } else {
            throw new IllegalArgumentException("address family of " + a + " does not match the connect address");
        }
        return m;
    }
}
