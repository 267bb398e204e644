package org.jkeepalived.checkers.probe;

import java.io.IOException;
import java.net.PortUnreachableException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A UDP probe (DNS_CHECK, UDP_CHECK): a connected datagram socket sends one datagram and judges the reply; an
 * ICMP error arrives as {@link PortUnreachableException}. When no reply is needed, silence until the deadline
 * is success. With {@code bind_if} or {@code fwmark} the socket comes from the reactor's {@link ProbeSockets}.
 */
final class DatagramSession extends Session {
    private final Endpoint endpoint;
    private final byte[] payload;
    private final Function<ByteBuffer, ProbeResult> judge;
    private final boolean silenceIsSuccess;
    private ByteChannel ch;

    /** {@code judge} returns null to keep waiting for another datagram. */
    DatagramSession(ProbeReactor reactor, Endpoint endpoint, byte[] payload, Function<ByteBuffer, ProbeResult> judge,
                    boolean silenceIsSuccess, Consumer<ProbeResult> done) {
        super(reactor, done);
        this.endpoint = endpoint;
        this.payload = payload;
        this.judge = judge;
        this.silenceIsSuccess = silenceIsSuccess;
    }

    @Override
    void open() throws IOException {
        if (endpoint.needsNativeSocket()) {
            connection = nativeSockets().connectDatagram(endpoint, this::readyLater);
            channel = connection;
            ch = connection;
            send();
            interest(SelectionKey.OP_READ);
            return;
        }
        DatagramChannel nio = DatagramChannel.open();
        channel = nio;
        ch = nio;
        nio.configureBlocking(false);
        if (endpoint.bind().isPresent()) {
            nio.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            nio.bind(endpoint.bind().get());
        }
        nio.connect(endpoint.connect());
        send();
        key = reactor.register(nio, SelectionKey.OP_READ, this);
    }

    private void send() throws IOException {
        try {
            ch.write(ByteBuffer.wrap(payload));
        } catch (PortUnreachableException e) {
            throw new IOException("port unreachable: " + endpoint.connect(), e);
        }
    }

    @Override
    ProbeResult timedOut() {
        return silenceIsSuccess ? ProbeResult.ok() : ProbeResult.failed("no reply from " + endpoint.connect());
    }

    @Override
    void ready(int ops) {
        ByteBuffer b = ByteBuffer.allocate(65536);
        try {
            while (!finished()) {
                b.clear();
                int n = ch.read(b);
                if (n <= 0) {
                    interest(SelectionKey.OP_READ);
                    return;
                }
                b.flip();
                ProbeResult r = judge.apply(b);
                if (r != null) {
                    finish(r);
                }
            }
        } catch (PortUnreachableException e) {
            finish(ProbeResult.failed("port unreachable: " + endpoint.connect()));
        } catch (IOException e) {
            finish(ProbeResult.failed(describe(e)));
        }
    }
}
