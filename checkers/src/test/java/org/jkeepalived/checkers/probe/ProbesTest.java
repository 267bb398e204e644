package org.jkeepalived.checkers.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

import java.io.FileInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import org.jkeepalived.checkers.policy.Configs;
import org.jkeepalived.core.config.lvs.RealServer;
import org.jkeepalived.core.config.lvs.VirtualServer;
import org.jkeepalived.core.config.lvs.check.Checker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The network probes against servers on loopback, in real time but bounded to a few hundred milliseconds. */
class ProbesTest {
    private static final InetAddress LO = InetAddress.getLoopbackAddress();
    private static ProbeReactor reactor;
    private static HttpServer http;

    @BeforeAll
    static void up() throws Exception {
        reactor = ProbeReactor.start("test-probes");
        http = HttpServer.create(new InetSocketAddress(LO, 0), 50);
        http.createContext("/", x -> {
            byte[] body = "hello\n".getBytes(StandardCharsets.US_ASCII);
            int code = x.getRequestURI().getPath().equals("/missing") ? 404 : 200;
            x.getResponseHeaders().add("X-Host", String.valueOf(x.getRequestHeaders().getFirst("Host")));
            x.sendResponseHeaders(code, body.length);
            try (OutputStream o = x.getResponseBody()) {
                o.write(body);
            }
        });
        http.start();
    }

    @AfterAll
    static void down() {
        http.stop(0);
        reactor.close();
    }

    private static ProbeResult run(Probe p) throws Exception {
        CompletableFuture<ProbeResult> f = new CompletableFuture<>();
        p.run(f::complete);
        return f.get(5, TimeUnit.SECONDS);
    }

    /** The probe for the first checker of a one-server config whose real server listens on {@code port}. */
    private static Probe probe(String checker, int port, SSLContext ssl) {
        VirtualServer vs = Configs.parse("virtual_server 192.0.2.10 80 {\nprotocol TCP\nlvs_sched rr\nlvs_method NAT\n"
                + "real_server 127.0.0.1 " + port + " {\n" + checker + "\n}\n}\n").lvs().virtualServers().get(0);
        RealServer rs = vs.realServers().get(0);
        Checker c = rs.checkers().get(0);
        ProbeFactory f = new ProbeFactory(reactor, Runnable::run, ssl == null ? SslContexts.create(Optional.empty())
                : ssl, java.util.Map.of(), Optional.empty());
        return f.create(c, vs, rs);
    }

    private static int closedPort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, LO)) {
            return s.getLocalPort();
        }
    }

    @Test
    void tcpCheckConnectsOrIsRefused() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 10, LO)) {
            assertTrue(run(probe("TCP_CHECK { }", s.getLocalPort(), null)).success());
        }
        ProbeResult r = run(probe("TCP_CHECK { }", closedPort(), null));
        assertFalse(r.success());
        assertTrue(r.detail().contains("refused"), r.detail());
    }

    @Test
    void httpGetChecksStatusAndDigest() throws Exception {
        int port = http.getAddress().getPort();
        String md5 = "b1946ac92492d2347c6235b4d2611184"; // of "hello\n", as keepalived's genhash prints it
        assertTrue(run(probe("HTTP_GET { url { path /\ndigest " + md5 + " } }", port, null)).success());
        ProbeResult wrongDigest = run(probe("HTTP_GET { url { path /\ndigest 00000000000000000000000000000000 } }",
                port, null));
        assertFalse(wrongDigest.success());
        assertTrue(wrongDigest.detail().contains(md5), wrongDigest.detail());
        assertFalse(run(probe("HTTP_GET { url { path /missing } }", port, null)).success());
        assertTrue(run(probe("HTTP_GET { url { path /missing\nstatus_code 400-499 } }", port, null)).success());
        assertTrue(run(probe("HTTP_GET { http_protocol 1.1\nurl { path /\nstatus_code 200 } url { path /x } }",
                port, null)).success());
    }

    @Test
    void silentServerTimesOutAtConnectTimeout() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 10, LO)) {
            long t0 = System.nanoTime();
            ProbeResult r = run(probe("HTTP_GET { connect_timeout 0.3\nurl { path / } }", s.getLocalPort(), null));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertFalse(r.success());
            assertTrue(r.detail().contains("timeout"), r.detail());
            assertTrue(ms >= 280 && ms < 2000, ms + " ms");
        }
    }

    @Test
    void sslGetOverTls(@TempDir Path dir) throws Exception {
        Path ks = dir.resolve("ks.p12");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "s", "-keyalg", "EC", "-dname", "CN=www.example.com", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", ks.toString(), "-storepass", "secret", "-keypass", "secret")
                .redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertEquals(0, p.waitFor());
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = new FileInputStream(ks.toFile())) {
            store.load(in, "secret".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(store, "secret".toCharArray());
        SSLContext server = SSLContext.getInstance("TLS");
        server.init(kmf.getKeyManagers(), null, null);
        HttpsServer https = HttpsServer.create(new InetSocketAddress(LO, 0), 10);
        https.setHttpsConfigurator(new HttpsConfigurator(server));
        https.createContext("/", x -> {
            byte[] body = "hello\n".getBytes(StandardCharsets.US_ASCII);
            x.sendResponseHeaders(200, body.length);
            try (OutputStream o = x.getResponseBody()) {
                o.write(body);
            }
        });
        https.start();
        try {
            int port = https.getAddress().getPort();
            assertTrue(run(probe("SSL_GET { enable_sni\nvirtualhost www.example.com\n"
                    + "url { path /\ndigest b1946ac92492d2347c6235b4d2611184 } }", port, null)).success());
            assertTrue(run(probe("SSL_GET { http_protocol 1.1\nurl { path / } }", port, null)).success());
            // plain HTTP to a TLS port fails
            assertFalse(run(probe("HTTP_GET { connect_timeout 1\nurl { path / } }", port, null)).success());
        } finally {
            https.stop(0);
        }
    }

    @Test
    void smtpCheckTalksHeloAndQuit() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 10, LO)) {
            CompletableFuture<String> seen = new CompletableFuture<>();
            Thread t = new Thread(() -> {
                try (Socket c = s.accept()) {
                    OutputStream o = c.getOutputStream();
                    InputStream in = c.getInputStream();
                    o.write("220-smtp.example.com ESMTP\r\n220 ready\r\n".getBytes(StandardCharsets.US_ASCII));
                    StringBuilder got = new StringBuilder();
                    byte[] b = new byte[256];
                    int n = in.read(b);
                    got.append(new String(b, 0, n, StandardCharsets.US_ASCII));
                    o.write("250 hello\r\n".getBytes(StandardCharsets.US_ASCII));
                    n = in.read(b);
                    got.append(new String(b, 0, n, StandardCharsets.US_ASCII));
                    o.write("221 bye\r\n".getBytes(StandardCharsets.US_ASCII));
                    seen.complete(got.toString());
                } catch (Exception e) {
                    seen.completeExceptionally(e);
                }
            });
            t.start();
            assertTrue(run(probe("SMTP_CHECK { helo_name probe.example.org }", s.getLocalPort(), null)).success());
            assertEquals("HELO probe.example.org\r\nQUIT\r\n", seen.get(2, TimeUnit.SECONDS));
        }
    }

    @Test
    void dnsCheckWantsTheSameIdAndNoError() throws Exception {
        try (DatagramSocket server = new DatagramSocket(0, LO)) {
            Thread t = new Thread(() -> {
                try {
                    for (int rcode : List.of(0, 3)) {
                        DatagramPacket q = new DatagramPacket(new byte[512], 512);
                        server.receive(q);
                        byte[] r = java.util.Arrays.copyOf(q.getData(), q.getLength());
                        r[2] = (byte) 0x81;
                        r[3] = (byte) (0x80 | rcode);
                        server.send(new DatagramPacket(r, r.length, q.getSocketAddress()));
                    }
                } catch (Exception e) {
                    // the test fails on its own
                }
            });
            t.start();
            int port = server.getLocalPort();
            assertTrue(run(probe("DNS_CHECK { type A\nname example.org }", port, null)).success());
            ProbeResult nx = run(probe("DNS_CHECK { type A\nname example.org }", port, null));
            assertFalse(nx.success());
            assertEquals("DNS rcode 3", nx.detail());
        }
    }

    @Test
    void udpCheckSeesPortUnreachableAndReplies() throws Exception {
        assertFalse(run(probe("UDP_CHECK { connect_timeout 1 }", closedPort(), null)).success());
        try (DatagramSocket server = new DatagramSocket(0, LO)) {
            Thread t = new Thread(() -> {
                try {
                    DatagramPacket q = new DatagramPacket(new byte[512], 512);
                    server.receive(q);
                    byte[] r = {(byte) 0xab, 0x12, 0x34};
                    server.send(new DatagramPacket(r, r.length, q.getSocketAddress()));
                } catch (Exception e) {
                    // the test fails on its own
                }
            });
            t.start();
            assertTrue(run(probe("UDP_CHECK { payload 0102\nrequire_reply ABx2\nconnect_timeout 1 }",
                    server.getLocalPort(), null)).success());
        }
    }

    @Test
    void miscCheckExitCodesAndTimeout() throws Exception {
        assertTrue(MiscProbe.verdict(0, false, 1).success());
        assertFalse(MiscProbe.verdict(2, false, 1).success());
        assertFalse(MiscProbe.verdict(1, true, 1).success());
        assertEquals(OptionalInt.of(7).getAsInt(), MiscProbe.verdict(10, true, 1).weightDelta().getAsLong());
        assertTrue(run(new MiscProbe(List.of("/bin/true"), Duration.ofSeconds(2), false, 1, Runnable::run)).success());
        ProbeResult slow = run(new MiscProbe(List.of("/bin/sleep", "5"), Duration.ofMillis(200), false, 1,
                Runnable::run));
        assertFalse(slow.success());
        assertTrue(slow.detail().contains("timed out"), slow.detail());
    }

    @Test
    void fileCheckReadsTheTrackFile(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("weight");
        Files.writeString(f, "3\n");
        assertEquals(6, run(new FileProbe(f, 2, false, 1)).weightDelta().getAsLong());
        assertFalse(run(new FileProbe(f, 0, false, 1)).success());
        assertFalse(run(new FileProbe(f, 2, true, 1)).success(), "1 - 6 < 0");
        Files.writeString(f, "0");
        assertTrue(run(new FileProbe(f, 0, false, 1)).success());
    }

    @Test
    void requestIsKeepalivedsByteForByte() {
        byte[] r = HttpRequest.get("/x", org.jkeepalived.core.config.lvs.check.HttpGetCheck.HttpProtocol.HTTP_1_1,
                Optional.empty(), new InetSocketAddress(LO, 18083));
        assertEquals("GET /x HTTP/1.1\r\nUser-Agent: KeepAliveClient\r\nConnection: close\r\nHost: 127.0.0.1:18083"
                + "\r\n\r\n", new String(r, StandardCharsets.US_ASCII));
    }
}
