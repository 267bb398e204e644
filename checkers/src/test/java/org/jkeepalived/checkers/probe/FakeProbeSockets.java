package org.jkeepalived.checkers.probe;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.PortUnreachableException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectionKey;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * {@link ProbeSockets} in memory: each connection connects at once (or fails with {@link #refuse}), records what
 * the probe writes and answers reads with {@link #reply} followed by end of stream (a UDP socket: the reply as
 * one datagram, then nothing, or a port unreachable with {@link #unreachable}). Readiness is reported as soon as
 * it is asked for, so a probe runs to its end without a network.
 */
final class FakeProbeSockets implements ProbeSockets {
    final List<Endpoint> opened = new ArrayList<>();
    final ByteArrayOutputStream written = new ByteArrayOutputStream();
    volatile String refuse;
    volatile byte[] reply = new byte[0];
    volatile boolean closed;
    volatile boolean unreachable;

    @Override
    public Connection connect(Endpoint e, IntConsumer ready) {
        return open(e, ready, false);
    }

    @Override
    public Connection connectDatagram(Endpoint e, IntConsumer ready) {
        return open(e, ready, true);
    }

    private synchronized Connection open(Endpoint e, IntConsumer ready, boolean datagram) {
        opened.add(e);
        return new Connection() {
            private final ByteBuffer in = ByteBuffer.wrap(reply);
            private boolean open = true;

            @Override
            public void finishConnect() throws IOException {
                if (refuse != null) {
                    throw new IOException(refuse);
                }
            }

            @Override
            public void interest(int ops) {
                if (datagram && (ops & SelectionKey.OP_READ) != 0 && !in.hasRemaining() && !unreachable) {
                    return; // nothing more will come: the deadline decides
                }
                ready.accept(ops & (SelectionKey.OP_CONNECT | SelectionKey.OP_WRITE | SelectionKey.OP_READ));
            }

            @Override
            public int read(ByteBuffer dst) throws IOException {
                check();
                if (datagram && unreachable) {
                    throw new PortUnreachableException();
                }
                if (!in.hasRemaining()) {
                    return datagram ? 0 : -1;
                }
                int n = Math.min(dst.remaining(), in.remaining());
                dst.put(in.slice().limit(n));
                in.position(in.position() + n);
                return n;
            }

            @Override
            public int write(ByteBuffer src) throws IOException {
                check();
                int n = src.remaining();
                byte[] b = new byte[n];
                src.get(b);
                synchronized (FakeProbeSockets.this) {
                    written.write(b, 0, n);
                }
                return n;
            }

            @Override
            public boolean isOpen() {
                return open;
            }

            @Override
            public void close() {
                open = false;
                closed = true;
            }

            private void check() throws ClosedChannelException {
                if (!open) {
                    throw new ClosedChannelException();
                }
            }
        };
    }
}
