package org.jkeepalived.netlink.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.jkeepalived.netlink.sys.Errno;
import org.jkeepalived.netlink.sys.ErrnoException;
import org.junit.jupiter.api.Test;

/** A libc TCP socket on loopback (no privileges: neither bind_if nor fwmark), driven by the epoll loop. */
class ProbeSocketTest {
    private static final InetAddress LO = InetAddress.getLoopbackAddress();

    @Test
    void connectsWritesAndReadsWithReadinessFromTheLoop() throws Exception {
        BlockingQueue<String> events = new ArrayBlockingQueue<>(8);
        try (ServerSocket server = new ServerSocket(0, 1, LO);
             ReadinessLoop loop = ReadinessLoop.start("test-readiness");
             ProbeSocket s = ProbeSocket.connect(new InetSocketAddress(LO, server.getLocalPort()), Optional.empty(),
                     Optional.empty(), OptionalLong.empty())) {
            long token = loop.add(s.fd(), (r, w, e) -> events.add((r ? "r" : "") + (w ? "w" : "") + (e ? "e" : "")));
            loop.arm(s.fd(), token, false, true);
            assertEquals("w", events.poll(2, TimeUnit.SECONDS));
            s.finishConnect();
            try (Socket peer = server.accept()) {
                assertEquals(4, s.write(ByteBuffer.wrap("ping".getBytes(StandardCharsets.US_ASCII))));
                InputStream in = peer.getInputStream();
                assertEquals("ping", new String(in.readNBytes(4), StandardCharsets.US_ASCII));
                ByteBuffer buf = ByteBuffer.allocate(16);
                assertEquals(0, s.read(buf), "nothing yet: would block");
                loop.arm(s.fd(), token, true, false);
                OutputStream out = peer.getOutputStream();
                out.write("pong".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                assertEquals("r", events.poll(2, TimeUnit.SECONDS));
                assertEquals(4, s.read(buf));
                peer.close();
                loop.arm(s.fd(), token, true, false);
                assertTrue(events.poll(2, TimeUnit.SECONDS).startsWith("r"));
                assertEquals(-1, s.read(buf), "end of stream");
            }
            loop.remove(s.fd(), token);
            assertEquals(0, loop.watched());
        }
    }

    @Test
    void refusedConnectIsReportedByFinishConnect() throws Exception {
        int port;
        try (ServerSocket closed = new ServerSocket(0, 1, LO)) {
            port = closed.getLocalPort();
        }
        BlockingQueue<Boolean> ready = new ArrayBlockingQueue<>(2);
        try (ReadinessLoop loop = ReadinessLoop.start("test-readiness");
             ProbeSocket s = ProbeSocket.connect(new InetSocketAddress(LO, port), Optional.empty(), Optional.empty(),
                     OptionalLong.empty())) {
            loop.arm(s.fd(), loop.add(s.fd(), (r, w, e) -> ready.add(e)), false, true);
            assertEquals(Boolean.TRUE, ready.poll(2, TimeUnit.SECONDS));
            ErrnoException e = assertThrows(ErrnoException.class, s::finishConnect);
            assertEquals(Errno.ECONNREFUSED, e.errnoConstant());
        }
    }
}
