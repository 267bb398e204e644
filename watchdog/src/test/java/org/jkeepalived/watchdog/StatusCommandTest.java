package org.jkeepalived.watchdog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.jkeepalived.watchdog.status.ChildEndpoint;
import org.jkeepalived.watchdog.status.MetricsServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatusCommandTest {
    private static final HostView HOST = new HostView() {
        @Override
        public String shortHostName() {
            return "lb1";
        }

        @Override
        public org.jkeepalived.core.config.HostInterfaces interfaces() {
            return name -> true;
        }
    };
    @TempDir
    Path dir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), HOST);
    }

    @Test
    void printsWhatTheDaemonsEndpointSays() throws Exception {
        ChildEndpoint vrrp = new ChildEndpoint("vrrp", () -> true,
                d -> Optional.of("VRRP Instance VI_1: BACKUP for 2.0 s\n"));
        try (MetricsServer server = MetricsServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                () -> List.of(vrrp), "0.1.0")) {
            Path conf = Files.writeString(dir.resolve("k.conf"), "global_defs {\n metrics_listen 0.0.0.0 "
                    + server.address().getPort() + "\n}\n");
            assertEquals(0, run("status", "-f", conf.toString()), err.toString());
            assertEquals("VRRP Instance VI_1: BACKUP for 2.0 s\n", out.toString(StandardCharsets.UTF_8));
        }
    }

    @Test
    void withoutMetricsListenItSaysWhatToAdd() throws Exception {
        Path conf = Files.writeString(dir.resolve("k.conf"), "global_defs {\n router_id r1\n}\n");
        assertEquals(StatusCommand.EXIT_NO_ENDPOINT, run("status", "-f", conf.toString()));
        assertTrue(err.toString().contains("has no metrics_listen in global_defs"), err.toString());
    }

    @Test
    void aDaemonThatIsNotRunningIsReported() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Path conf = Files.writeString(dir.resolve("k.conf"), "global_defs {\n metrics_listen_port " + port + "\n}\n");
        assertEquals(StatusCommand.EXIT_UNREACHABLE, run("status", "-f", conf.toString()));
        assertTrue(err.toString().contains("cannot reach the daemon at http://127.0.0.1:" + port + "/status.txt"),
                err.toString());
    }

    @Test
    void configTestAcceptsTheMetricsKeywords() throws Exception {
        Path conf = Files.writeString(dir.resolve("k.conf"),
                "global_defs {\n metrics_listen 127.0.0.1 9650\n metrics_listen_address ::1\n metrics_listen_port 9651\n}\n");
        assertEquals(0, run("-t", "-f", conf.toString()), err.toString());
        assertEquals("", err.toString());
    }
}
