package org.jkeepalived.checkers.probe;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.util.Optional;
import java.util.function.IntConsumer;

import org.jkeepalived.netlink.probe.ReadinessLoop;
import org.jkeepalived.netlink.probe.StreamSocket;
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
        StreamSocket s = StreamSocket.connect(e.connect(), e.bind(), e.bindIf(), e.fwmark());
        long token;
        try {
            token = loop.add(s.fd(), (readable, writable, error) -> ready.accept(
                    (readable ? SelectionKey.OP_READ : 0) | (writable ? SelectionKey.OP_WRITE | SelectionKey.OP_CONNECT : 0)
                    | (error ? SelectionKey.OP_READ | SelectionKey.OP_WRITE | SelectionKey.OP_CONNECT : 0)));
        } catch (ErrnoException ex) {
            s.close();
            throw ex;
        }
        return new Watched(s, token);
    }

    @Override
    public void close() {
        loop.close();
    }

    /** A socket and its registration, removed from the loop before the descriptor is closed. */
    private final class Watched implements Connection {
        private final StreamSocket socket;
        private final long token;

        Watched(StreamSocket socket, long token) {
            this.socket = socket;
            this.token = token;
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
            return socket.read(dst);
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            return socket.write(src);
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
