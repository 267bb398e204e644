package org.jkeepalived.checkers.probe;

import java.io.IOException;
import java.net.PortUnreachableException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.util.Optional;
import java.util.function.IntConsumer;

import org.jkeepalived.netlink.probe.ReadinessLoop;
import org.jkeepalived.netlink.probe.ProbeSocket;
import org.jkeepalived.netlink.sys.Errno;
import org.jkeepalived.netlink.sys.ErrnoException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link ProbeSockets} over libc sockets from the netlink module, watched by one epoll thread whose reports the
 * sessions hand to their reactor.
 */
public final class EpollProbeSockets implements ProbeSockets, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EpollProbeSockets.class);

    private final ReadinessLoop loop;

    private EpollProbeSockets(ReadinessLoop loop) {
        this.loop = loop;
    }

    /** Starts the epoll thread, or empty (logged) where native code cannot be loaded. */
    public static Optional<EpollProbeSockets> open() {
        try {
            return Optional.of(new EpollProbeSockets(ReadinessLoop.start("checker-sockets")));
        } catch (ErrnoException | RuntimeException | LinkageError e) {
            LOG.warn("bind_if and fwmark cannot be applied: {}", e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public Connection connect(Endpoint e, IntConsumer ready) throws IOException {
        return watch(ProbeSocket.connect(e.connect(), e.bind(), e.bindIf(), e.fwmark()), false, ready);
    }

    @Override
    public Connection connectDatagram(Endpoint e, IntConsumer ready) throws IOException {
        return watch(ProbeSocket.connectDatagram(e.connect(), e.bind(), e.bindIf(), e.fwmark()), true, ready);
    }

    private Connection watch(ProbeSocket s, boolean datagram, IntConsumer ready) throws ErrnoException {
        long token;
        try {
            token = loop.add(s.fd(), (readable, writable, error) -> ready.accept(
                    (readable ? SelectionKey.OP_READ : 0) | (writable ? SelectionKey.OP_WRITE | SelectionKey.OP_CONNECT : 0)
                    | (error ? SelectionKey.OP_READ | SelectionKey.OP_WRITE | SelectionKey.OP_CONNECT : 0)));
        } catch (ErrnoException ex) {
            s.close();
            throw ex;
        }
        return new Watched(s, token, datagram);
    }

    @Override
    public void close() {
        loop.close();
    }

    /** A socket and its registration, removed from the loop before the descriptor is closed. */
    private final class Watched implements Connection {
        private final ProbeSocket socket;
        private final long token;
        private final boolean datagram;

        Watched(ProbeSocket socket, long token, boolean datagram) {
            this.socket = socket;
            this.token = token;
            this.datagram = datagram;
        }

        @Override
        public void finishConnect() throws IOException {
            socket.finishConnect();
        }

        @Override
        public void interest(int ops) throws IOException {
            loop.arm(socket.fd(), token, (ops & SelectionKey.OP_READ) != 0,
                    (ops & (SelectionKey.OP_WRITE | SelectionKey.OP_CONNECT)) != 0);
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            try {
                return socket.read(dst);
            } catch (ErrnoException e) {
                throw unreachable(e);
            }
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            try {
                return socket.write(src);
            } catch (ErrnoException e) {
                throw unreachable(e);
            }
        }

        /** What a connected DatagramChannel throws for an ICMP port unreachable, so the session needs no case. */
        private IOException unreachable(ErrnoException e) {
            return datagram && e.errnoConstant() == Errno.ECONNREFUSED
                    ? new PortUnreachableException(e.getMessage()) : e;
        }

        @Override
        public boolean isOpen() {
            return socket.isOpen();
        }

        @Override
        public void close() {
            if (socket.isOpen()) {
                loop.remove(socket.fd(), token);
                socket.close();
            }
        }
    }
}
