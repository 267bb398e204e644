package org.jkeepalived.checkers.probe;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.util.function.Consumer;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLException;

/**
 * TLS over a non-blocking socket with an {@link SSLEngine}: one call to {@link #pump} does one step of the
 * handshake or of the data transfer and says whether the socket must be waited on.
 */
final class TlsLayer {
    /** What a pump step achieved. */
    enum Io { PROGRESS, WANT_READ, WANT_WRITE, EOF }

    private final SSLEngine engine;
    private ByteBuffer netIn;
    private final ByteBuffer netOut;
    private ByteBuffer appIn;
    private boolean eof;

    TlsLayer(SSLEngine engine) {
        this.engine = engine;
        int packet = engine.getSession().getPacketBufferSize();
        netIn = ByteBuffer.allocate(packet);
        netOut = ByteBuffer.allocate(packet);
        netOut.flip();
        appIn = ByteBuffer.allocate(engine.getSession().getApplicationBufferSize());
    }

    SSLEngine engine() {
        return engine;
    }

    /** Flushes, then handshakes, sends {@code appOut} or receives application data into {@code sink}. */
    Io pump(ByteChannel ch, ByteBuffer appOut, Consumer<ByteBuffer> sink) throws IOException {
        if (netOut.hasRemaining()) {
            ch.write(netOut);
            return netOut.hasRemaining() ? Io.WANT_WRITE : Io.PROGRESS;
        }
        switch (engine.getHandshakeStatus()) {
            case NEED_TASK -> {
                Runnable task;
                while ((task = engine.getDelegatedTask()) != null) {
                    task.run();
                }
                return Io.PROGRESS;
            }
            case NEED_WRAP -> {
                return wrap(ByteBuffer.allocate(0));
            }
            case NEED_UNWRAP, NEED_UNWRAP_AGAIN -> {
                return unwrap(ch, sink);
            }
            default -> {
                if (appOut.hasRemaining()) {
                    return wrap(appOut);
                }
                return unwrap(ch, sink);
            }
        }
    }

    private Io wrap(ByteBuffer src) throws SSLException {
        netOut.compact();
        SSLEngineResult r;
        try {
            r = engine.wrap(src, netOut);
        } finally {
            netOut.flip();
        }
        if (r.getStatus() == SSLEngineResult.Status.CLOSED) {
            return Io.EOF;
        }
        return Io.PROGRESS;
    }

    private Io unwrap(ByteChannel ch, Consumer<ByteBuffer> sink) throws IOException {
        netIn.flip();
        SSLEngineResult r;
        try {
            r = engine.unwrap(netIn, appIn);
        } finally {
            netIn.compact();
        }
        switch (r.getStatus()) {
            case OK -> {
                if (appIn.position() > 0) {
                    appIn.flip();
                    sink.accept(appIn);
                    appIn.clear();
                }
                if (r.bytesConsumed() > 0 || r.bytesProduced() > 0) {
                    return Io.PROGRESS;
                }
                return read(ch);
            }
            case BUFFER_UNDERFLOW -> {
                if (netIn.remaining() == 0) {
                    ByteBuffer b = ByteBuffer.allocate(netIn.capacity() * 2);
                    b.put(netIn.flip());
                    netIn = b;
                }
                return read(ch);
            }
            case BUFFER_OVERFLOW -> {
                ByteBuffer b = ByteBuffer.allocate(appIn.capacity() * 2);
                b.put(appIn.flip());
                appIn = b;
                return Io.PROGRESS;
            }
            default -> {
                return Io.EOF;
            }
        }
    }

    private Io read(ByteChannel ch) throws IOException {
        if (eof) {
            return Io.EOF;
        }
        int n = ch.read(netIn);
        if (n < 0) {
            eof = true;
            return Io.EOF;
        }
        return n == 0 ? Io.WANT_READ : Io.PROGRESS;
    }
}
