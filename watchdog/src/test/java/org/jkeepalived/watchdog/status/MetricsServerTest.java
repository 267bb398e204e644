package org.jkeepalived.watchdog.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MetricsServerTest {
    private final AtomicBoolean vrrpUp = new AtomicBoolean(true);
    private MetricsServer server;

    private MetricsServer start() throws IOException {
        ChildEndpoint vrrp = new ChildEndpoint("vrrp", () -> true, d -> !vrrpUp.get() ? Optional.empty()
                : Optional.of(switch (d) {
                    case METRICS -> "# HELP jkeepalived_vrrp_state S.\n# TYPE jkeepalived_vrrp_state gauge\n"
                            + "jkeepalived_vrrp_state{instance=\"VI_1\",state=\"MASTER\"} 1\n";
                    case STATUS_JSON -> "{\"instances\":[]}";
                    case STATUS_TEXT -> "VRRP Instance VI_1: MASTER\n";
                }));
        ChildEndpoint checkers = new ChildEndpoint("checkers", () -> false, d -> {
            throw new AssertionError("not configured: never asked");
        });
        server = MetricsServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                () -> List.of(vrrp, checkers), "0.1.0");
        return server;
    }

    @AfterEach
    void close() {
        if (server != null) {
            server.close();
        }
    }

    static String get(InetSocketAddress at, String path, int expect) throws IOException {
        HttpURLConnection c = (HttpURLConnection) new URL("http://127.0.0.1:" + at.getPort() + path).openConnection();
        c.setConnectTimeout(2_000);
        c.setReadTimeout(5_000);
        assertEquals(expect, c.getResponseCode());
        try (InputStream in = expect == 200 ? c.getInputStream() : c.getErrorStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void metricsJoinTheChildrenAndSayWhichAnswered() throws IOException {
        InetSocketAddress at = start().address();
        PrometheusText p = PrometheusText.parse(get(at, "/metrics", 200));
        assertEquals(1, p.value("jkeepalived_vrrp_state", "instance", "VI_1", "state", "MASTER"));
        assertEquals(1, p.value("jkeepalived_child_up", "child", "vrrp"));
        assertEquals(1, p.value("jkeepalived_build_info", "version", "0.1.0"));
        assertEquals(3, p.samples.size());

        vrrpUp.set(false); // as while the VRRP child is respawned
        p = PrometheusText.parse(get(at, "/metrics", 200));
        assertEquals(0, p.value("jkeepalived_child_up", "child", "vrrp"));
        assertEquals(2, p.samples.size());
    }

    @Test
    void statusAsJsonAndText() throws IOException {
        InetSocketAddress at = start().address();
        assertEquals("{\"version\":\"0.1.0\",\"vrrp\":{\"instances\":[]},\"vrrp_up\":true}\n", get(at, "/status", 200));
        assertEquals("VRRP Instance VI_1: MASTER\n", get(at, "/status.txt", 200));
        vrrpUp.set(false);
        assertEquals("{\"version\":\"0.1.0\",\"vrrp\":null,\"vrrp_up\":false}\n", get(at, "/status", 200));
        assertTrue(get(at, "/status.txt", 200).contains("vrrp child process is not running"));
        assertTrue(get(at, "/other", 404).contains("/metrics"));
    }
}
