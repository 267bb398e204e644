package org.jkeepalived.checkers.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.jkeepalived.checkers.policy.Configs;
import org.jkeepalived.core.config.lvs.RealServer;
import org.jkeepalived.core.config.lvs.VirtualServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Probes with {@code bind_if} or {@code fwmark} go through {@link ProbeSockets}; the others stay on NIO. */
class ProbeSocketsTest {
    private final ProbeReactor reactor = ProbeReactor.start("test-probe-sockets");
    private final FakeProbeSockets sockets = new FakeProbeSockets();

    @AfterEach
    void down() {
        reactor.close();
    }

    private Probe probe(String checker, int port) {
        VirtualServer vs = Configs.parse("virtual_server 192.0.2.10 80 {\nprotocol TCP\nlvs_sched rr\nlvs_method NAT\n"
                + "real_server 127.0.0.1 " + port + " {\n" + checker + "\n}\n}\n").lvs().virtualServers().get(0);
        RealServer rs = vs.realServers().get(0);
        return new ProbeFactory(reactor, Runnable::run, SslContexts.create(Optional.empty()), Map.of(),
                Optional.empty()).create(rs.checkers().get(0), vs, rs);
    }

    private static ProbeResult run(Probe p) throws Exception {
        CompletableFuture<ProbeResult> f = new CompletableFuture<>();
        p.run(f::complete);
        return f.get(5, TimeUnit.SECONDS);
    }

    @Test
    void endpointCarriesBindIfAndFwmark() {
        Endpoint plain = Endpoint.of(new InetSocketAddress(InetAddress.getLoopbackAddress(), 80), Duration.ofSeconds(1));
        assertFalse(plain.needsNativeSocket());
        Endpoint zero = new Endpoint(plain.connect(), Optional.empty(), Optional.empty(), OptionalLong.of(0),
                plain.timeout());
        assertEquals(OptionalLong.empty(), zero.fwmark(), "fwmark 0 is no mark");
        assertFalse(zero.needsNativeSocket());
        assertTrue(new Endpoint(plain.connect(), Optional.empty(), Optional.of("eth1"), OptionalLong.empty(),
                plain.timeout()).needsNativeSocket());
    }

    @Test
    void tcpCheckWithBindIfAndFwmarkConnectsThroughProbeSockets() throws Exception {
        reactor.useSockets(sockets);
        ProbeResult r = run(probe("TCP_CHECK { bind_if eth1\n fwmark 7\n bindto 127.0.0.2\n bind_port 4000 }", 9));
        assertTrue(r.success(), r.toString());
        Endpoint e = sockets.opened.get(0);
        assertEquals(Optional.of("eth1"), e.bindIf());
        assertEquals(OptionalLong.of(7), e.fwmark());
        assertEquals(Optional.of(new InetSocketAddress(InetAddress.getByName("127.0.0.2"), 4000)), e.bind());
        assertEquals(new InetSocketAddress(InetAddress.getLoopbackAddress(), 9), e.connect());
        assertTrue(sockets.closed, "the connection is closed after the check");
    }

    @Test
    void connectErrorFailsTheCheck() throws Exception {
        reactor.useSockets(sockets);
        sockets.refuse = "connect(tcp /127.0.0.1:9) failed: ECONNREFUSED (111)";
        ProbeResult r = run(probe("TCP_CHECK { fwmark 7 }", 9));
        assertFalse(r.success());
        assertEquals(sockets.refuse, r.detail());
    }

    @Test
    void httpGetTalksOverProbeSockets() throws Exception {
        reactor.useSockets(sockets);
        sockets.reply = "HTTP/1.1 200 OK\r\nContent-Length: 6\r\n\r\nhello\n".getBytes(StandardCharsets.US_ASCII);
        ProbeResult r = run(probe("HTTP_GET { url { path /health\n status_code 200 }\n bind_if eth1 }", 8080));
        assertTrue(r.success(), r.toString());
        assertTrue(sockets.written.toString(StandardCharsets.US_ASCII).startsWith("GET /health HTTP/1."),
                sockets.written.toString(StandardCharsets.US_ASCII));
        sockets.reply = "HTTP/1.1 503 Busy\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        assertFalse(run(probe("HTTP_GET { url { path /health\n status_code 200 }\n bind_if eth1 }", 8080)).success());
    }

    @Test
    void udpCheckWithFwmarkSendsThroughProbeSockets() throws Exception {
        reactor.useSockets(sockets);
        sockets.reply = new byte[] {(byte) 0xab, 0x12, 0x34};
        assertTrue(run(probe("UDP_CHECK { payload 0102\n require_reply ABx2\n connect_timeout 1\n fwmark 7 }", 53))
                .success());
        assertEquals("\u0001\u0002", sockets.written.toString(StandardCharsets.ISO_8859_1));
        assertEquals(OptionalLong.of(7), sockets.opened.get(0).fwmark());
        sockets.reply = new byte[] {0x01};
        assertFalse(run(probe("UDP_CHECK { payload 0102\n require_reply ABx2\n connect_timeout 1\n fwmark 7 }", 53))
                .success());
    }

    @Test
    void udpCheckFailsOnPortUnreachable() throws Exception {
        reactor.useSockets(sockets);
        sockets.unreachable = true;
        ProbeResult r = run(probe("UDP_CHECK { connect_timeout 1\n bind_if eth1 }", 53));
        assertFalse(r.success());
        assertEquals("port unreachable: /127.0.0.1:53", r.detail());
    }

    @Test
    void withoutNativeSocketsTheCheckFailsRatherThanIgnoringTheKeyword() throws Exception {
        ProbeResult r = run(probe("TCP_CHECK { bind_if eth1 }", 9));
        assertFalse(r.success());
        assertTrue(r.detail().contains("bind_if and fwmark need native sockets"), r.detail());
    }

    @Test
    void checksWithoutTheKeywordsStayOnNio() throws Exception {
        reactor.useSockets(sockets);
        try (ServerSocket s = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            assertTrue(run(probe("TCP_CHECK { fwmark 0 }", s.getLocalPort())).success());
        }
        assertTrue(sockets.opened.isEmpty());
    }
}
