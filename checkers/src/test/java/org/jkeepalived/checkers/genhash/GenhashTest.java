package org.jkeepalived.checkers.genhash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

import org.jkeepalived.core.config.lvs.check.HttpGetCheck.HttpProtocol;
import org.junit.jupiter.api.Test;

class GenhashTest {
    private static final InetAddress LO = InetAddress.getLoopbackAddress();

    private static String run(Genhash.Request r) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        assertEquals(0, Genhash.run(r, new PrintStream(b, true, StandardCharsets.UTF_8)));
        return b.toString(StandardCharsets.UTF_8);
    }

    @Test
    void printsTheMd5OfTheBodyAndVerboseDumps() throws Exception {
        HttpServer http = HttpServer.create(new InetSocketAddress(LO, 0), 5);
        http.createContext("/", x -> {
            byte[] body = "hello\n".getBytes(StandardCharsets.US_ASCII);
            x.sendResponseHeaders(200, body.length);
            try (OutputStream o = x.getResponseBody()) {
                o.write(body);
            }
        });
        http.start();
        try {
            InetSocketAddress at = new InetSocketAddress(LO, http.getAddress().getPort());
            // keepalived 2.2.7: `keepalived -T -s 127.0.0.1 -p PORT -u /index.html` on a file holding "hello\n"
            assertEquals("b1946ac92492d2347c6235b4d2611184\n", run(new Genhash.Request(at, "/index.html", false,
                    false, Optional.empty(), HttpProtocol.HTTP_1_0, Duration.ofSeconds(2), false)));
            String verbose = run(new Genhash.Request(at, "/", false, false, Optional.of("www.example.org"),
                    HttpProtocol.HTTP_1_1, Duration.ofSeconds(2), true));
            assertTrue(verbose.contains("-----------------------[        HTML Buffer        ]-----------------------\n"
                    + "0000  68 65 6c 6c 6f 0a       -                           hello.          \n"), verbose);
            assertTrue(verbose.contains("-----------------------[ HTML hash final resulting ]-----------------------\n"
                    + "b1946ac92492d2347c6235b4d2611184\n"), verbose);
        } finally {
            http.stop(0);
        }
    }

    @Test
    void reportsAFailedConnection() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, LO)) {
            port = s.getLocalPort();
        }
        assertEquals("Connection failed\n", run(new Genhash.Request(new InetSocketAddress(LO, port), "/", false, false,
                Optional.empty(), HttpProtocol.HTTP_1_0, Duration.ofSeconds(1), false)));
    }
}
