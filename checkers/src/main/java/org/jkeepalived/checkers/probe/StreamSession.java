package org.jkeepalived.checkers.probe;

import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.function.Consumer;

import javax.net.ssl.SSLEngine;

/**
 * A TCP probe: connects (from {@code bindto}/{@code bind_port} when given) and, with a {@link Dialog}, talks
 * over the connection, through TLS when an {@link SSLEngine} is given. Without a dialog the connect alone is the
 * check (TCP_CHECK). With {@code bind_if} or {@code fwmark} the connection comes from the reactor's
 * {@link ProbeSockets} instead of a {@link SocketChannel}; the dialog cannot tell the difference.
 */
final class StreamSession extends Session {
    /** keepalived's HTTP checker reads at most this much of a body too; bigger pages are cut short. */
    static final int MAX_INPUT = 4 << 20;

    private final Endpoint endpoint;
    private final Dialog dialog;
    private final TlsLayer tls;
    private ByteChannel ch;
    private SocketChannel nio;
    private ByteBuffer in = ByteBuffer.allocate(4096);
    private ByteBuffer out = ByteBuffer.allocate(0);
    private boolean connected;

    StreamSession(ProbeReactor reactor, Endpoint endpoint, Dialog dialog, SSLEngine engine,
                  Consumer<ProbeResult> done) {
        super(reactor, done);
        this.endpoint = endpoint;
        this.dialog = dialog;
        this.tls = engine == null ? null : new TlsLayer(engine);
    }

    @Override
    void open() throws IOException {
        if (endpoint.needsNativeSocket()) {
            connection = nativeSockets().connect(endpoint, this::readyLater);
            channel = connection;
            ch = connection;
            interest(SelectionKey.OP_CONNECT);
            return;
        }
        nio = SocketChannel.open();
        channel = nio;
        ch = nio;
        nio.configureBlocking(false);
        if (endpoint.bind().isPresent()) {
            nio.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            nio.bind(endpoint.bind().get());
        }
        if (nio.connect(endpoint.connect())) {
            key = reactor.register(nio, 0, this);
            connected();
        } else {
            key = reactor.register(nio, SelectionKey.OP_CONNECT, this);
        }
    }

    @Override
    ProbeResult timedOut() {
        return ProbeResult.failed(connected ? "timeout reading from " + endpoint.connect()
                : "timeout connecting to " + endpoint.connect());
    }

    @Override
    void ready(int ops) {
        try {
            if (!connected && (ops & SelectionKey.OP_CONNECT) != 0) {
                if (nio != null) {
                    nio.finishConnect();
                } else {
                    connection.finishConnect();
                }
                connected();
                return;
            }
            pump();
        } catch (IOException e) {
            finish(ProbeResult.failed(describe(e)));
        }
    }

    private void connected() throws IOException {
        connected = true;
        if (dialog == null) {
            finish(ProbeResult.ok());
            return;
        }
        queue(dialog.opening());
        if (tls != null) {
            tls.engine().beginHandshake();
        }
        pump();
    }

    private void queue(byte[] bytes) {
        ByteBuffer b = ByteBuffer.allocate(out.remaining() + bytes.length);
        b.put(out).put(bytes).flip();
        out = b;
    }

    /** Moves bytes both ways until the socket would block or the dialog is done. */
    private void pump() throws IOException {
        while (!finished()) {
            if (tls != null) {
                TlsLayer.Io io = tls.pump(ch, out, this::deliver);
                if (io == TlsLayer.Io.EOF) {
                    deliverEof();
                    return;
                }
                if (io == TlsLayer.Io.PROGRESS) {
                    continue;
                }
                interest(io == TlsLayer.Io.WANT_WRITE ? SelectionKey.OP_WRITE : SelectionKey.OP_READ);
                return;
            }
            if (out.hasRemaining()) {
                ch.write(out);
                if (out.hasRemaining()) {
                    interest(SelectionKey.OP_WRITE);
                    return;
                }
            }
            ByteBuffer chunk = ByteBuffer.allocate(8192);
            int n = ch.read(chunk);
            if (n < 0) {
                deliverEof();
                return;
            }
            if (n == 0) {
                interest(SelectionKey.OP_READ);
                return;
            }
            chunk.flip();
            deliver(chunk);
        }
    }

    /** Appends application bytes and lets the dialog look at them. */
    private void deliver(ByteBuffer chunk) {
        if (in.remaining() < chunk.remaining()) {
            int size = Math.max(in.capacity() * 2, in.position() + chunk.remaining());
            if (size > MAX_INPUT) {
                step(dialog.received(in.duplicate().flip(), true));
                return;
            }
            ByteBuffer b = ByteBuffer.allocate(size);
            b.put(in.flip());
            in = b;
        }
        in.put(chunk);
        step(dialog.received(in.duplicate().flip(), false));
    }

    private void deliverEof() {
        step(dialog.received(in.duplicate().flip(), true));
        if (!finished()) {
            finish(ProbeResult.failed("connection closed by " + endpoint.connect()));
        }
    }

    private void step(Dialog.Step s) {
        if (s instanceof Dialog.Done d) {
            finish(d.result());
        } else if (s instanceof Dialog.Send send) {
            queue(send.bytes());
        }
    }
}
