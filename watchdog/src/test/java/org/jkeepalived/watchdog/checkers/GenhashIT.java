package org.jkeepalived.watchdog.checkers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;

import java.io.File;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.jkeepalived.core.testing.JvmProcess;
import org.jkeepalived.watchdog.Main;
import org.junit.jupiter.api.Test;

/**
 * {@code jkeepalived -T} beside keepalived 2.2.7's {@code keepalived -T} on the same pages: the same digest line,
 * the same failure line.
 */
class GenhashIT {
    private static String run(List<String> argv) throws Exception {
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("timed out: " + argv);
        }
        return out;
    }

    private static List<String> jkeepalived(String... args) {
        List<String> argv = new ArrayList<>(List.of("-T"));
        argv.addAll(List.of(args));
        return JvmProcess.command(Main.class, List.of(), argv.toArray(String[]::new));
    }

    private static List<String> keepalived(String... args) {
        List<String> argv = new ArrayList<>(List.of("keepalived", "-T"));
        argv.addAll(List.of(args));
        return argv;
    }

    @Test
    void digestsAgreeWithKeepalived() throws Exception {
        assumeTrue(new File("/usr/sbin/keepalived").canExecute(), "keepalived is not installed");
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 5);
        http.createContext("/", x -> {
            String host = String.valueOf(x.getRequestHeaders().getFirst("Host"));
            byte[] body = ("page " + x.getRequestURI().getPath() + " for " + host + "\n").getBytes(StandardCharsets.UTF_8);
            x.sendResponseHeaders(200, body.length);
            try (OutputStream o = x.getResponseBody()) {
                o.write(body);
            }
        });
        http.start();
        try {
            String port = String.valueOf(http.getAddress().getPort());
            for (String[] args : List.of(
                    new String[] {"-s", "127.0.0.1", "-p", port, "-u", "/index.html"},
                    new String[] {"-s", "127.0.0.1", "-p", port, "-u", "/a", "-V", "www.example.org"},
                    new String[] {"-s", "127.0.0.1", "-p", port, "-u", "/b", "-P", "1.1"},
                    new String[] {"--server", "127.0.0.1", "--port", port, "--url", "/c", "--protocol", "1.0c"})) {
                String want = run(keepalived(args));
                assertEquals(33, want.length(), "keepalived printed " + want);
                assertEquals(want, run(jkeepalived(args)), String.join(" ", args));
            }
        } finally {
            http.stop(0);
        }
        int closed;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        String[] refused = {"-s", "127.0.0.1", "-p", String.valueOf(closed), "-u", "/"};
        assertEquals(run(keepalived(refused)), run(jkeepalived(refused)));
    }
}
