package org.jkeepalived.checkers.genhash;

import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.net.ssl.SSLEngine;

import org.jkeepalived.checkers.probe.Endpoint;
import org.jkeepalived.checkers.probe.HttpRequest;
import org.jkeepalived.checkers.probe.HttpResponse;
import org.jkeepalived.checkers.probe.ProbeReactor;
import org.jkeepalived.checkers.probe.ProbeResult;
import org.jkeepalived.checkers.probe.SslContexts;
import org.jkeepalived.checkers.probe.TcpProbes;
import org.jkeepalived.core.config.lvs.check.HttpGetCheck.HttpProtocol;

/**
 * keepalived's genhash ({@code keepalived -T}): fetches one URL the way HTTP_GET/SSL_GET does and prints the MD5
 * digest of the body to use as a {@code digest}; with verbose, the header and body as hex dumps first, in
 * genhash's layout.
 */
public final class Genhash {
    /** What to fetch; {@code sni} sends the virtualhost as TLS server name. */
    public record Request(InetSocketAddress server, String url, boolean ssl, boolean sni, Optional<String> virtualhost,
                          HttpProtocol protocol, Duration timeout, boolean verbose) {
        public Request {
            Objects.requireNonNull(server, "server");
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(virtualhost, "virtualhost");
            Objects.requireNonNull(protocol, "protocol");
            Objects.requireNonNull(timeout, "timeout");
        }
    }

    private Genhash() {
    }

    /** Fetches and prints; returns the exit status (0 even when the connection fails, as genhash 2.2.7). */
    public static int run(Request r, PrintStream out) {
        byte[] request = HttpRequest.get(r.url(), r.protocol(), r.virtualhost(), r.server());
        CompletableFuture<HttpResponse> response = new CompletableFuture<>();
        CompletableFuture<ProbeResult> done = new CompletableFuture<>();
        long t0 = System.nanoTime();
        try (ProbeReactor reactor = ProbeReactor.start("genhash")) {
            SSLEngine tls = r.ssl() ? SslContexts.engine(SslContexts.create(Optional.empty()),
                    r.sni() ? r.virtualhost() : Optional.empty()) : null;
            TcpProbes.get(reactor, Endpoint.of(r.server(), r.timeout()), request, tls, response::complete, done::complete);
            ProbeResult result = done.get(r.timeout().toMillis() * 2 + 1000, TimeUnit.MILLISECONDS);
            if (!response.isDone()) {
                out.println(result.detail().contains("timeout") ? "Timeout" : "Connection failed");
                return 0;
            }
        } catch (ExecutionException | TimeoutException e) {
            out.println("Connection failed");
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
        HttpResponse resp = response.join();
        if (r.verbose()) {
            byte[] head = (resp.headers() + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
            out.println(banner("    HTTP Header Buffer    "));
            HexDump.print(head, out);
            out.println(banner(" HTTP Header Ascii Buffer "));
            out.println(resp.headers());
            out.println();
            out.println(banner("        HTML Buffer        "));
            HexDump.print(resp.body(), out);
            out.println();
            out.println(banner("    HTML hash resulting    "));
            HexDump.print(HexFormat.of().parseHex(resp.digest()), out);
            out.println(banner(" HTML hash final resulting "));
        }
        out.println(resp.digest());
        if (r.verbose()) {
            out.println();
            out.println("Global response time for [" + r.url() + "] = " + (System.nanoTime() - t0) / 1000 + " usecs");
        }
        return 0;
    }

    /** genhash's section titles, padded exactly as genhash pads them. */
    private static String banner(String padded) {
        return "-----------------------[" + padded + "]-----------------------";
    }
}
