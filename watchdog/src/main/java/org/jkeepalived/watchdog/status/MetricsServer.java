package org.jkeepalived.watchdog.status;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * The metrics and status endpoint, run by the parent process so that one port serves the whole daemon and stays
 * up while a child is respawned: {@code GET /metrics} (Prometheus text format), {@code GET /status} (JSON) and
 * {@code GET /status.txt} (what {@code jkeepalived status} prints). Each request asks the children over their
 * pipes for their part and puts the parts together; a child that is down or silent is reported as such and its
 * families are left out. Requests are served one at a time on one thread.
 */
public final class MetricsServer implements Closeable {
    /** How long one child may take to answer before its part is left out. */
    public static final long CHILD_TIMEOUT_MILLIS = 2_000;

    private final HttpServer server;
    private final ExecutorService executor;
    private final Supplier<List<ChildEndpoint>> children;
    private final String version;

    private MetricsServer(HttpServer server, Supplier<List<ChildEndpoint>> children, String version) {
        this.server = server;
        this.children = children;
        this.version = version;
        this.executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "metrics-http");
            t.setDaemon(true);
            return t;
        });
    }

    /** Binds {@code address} and starts serving; IOException when the address cannot be bound. */
    public static MetricsServer start(InetSocketAddress address, Supplier<List<ChildEndpoint>> children,
                                      String version) throws IOException {
        MetricsServer m = new MetricsServer(HttpServer.create(address, 8), children, version);
        m.server.setExecutor(m.executor);
        m.server.createContext("/", m::handle);
        m.server.start();
        return m;
    }

    /** The bound address (its port, when 0 was asked for). */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    private void handle(HttpExchange x) throws IOException {
        try (x) {
            String path = x.getRequestURI().getPath();
            if (!x.getRequestMethod().equals("GET") && !x.getRequestMethod().equals("HEAD")) {
                reply(x, 405, "text/plain; charset=utf-8", "only GET\n");
                return;
            }
            switch (path) {
                case "/metrics" -> reply(x, 200, Exposition.CONTENT_TYPE, metrics());
                case "/status" -> reply(x, 200, "application/json", status());
                case "/status.txt" -> reply(x, 200, "text/plain; charset=utf-8", statusText());
                default -> reply(x, 404, "text/plain; charset=utf-8", "try /metrics, /status or /status.txt\n");
            }
        }
    }

    /** Every child's families, then the daemon's own. */
    String metrics() {
        StringBuilder b = new StringBuilder();
        Exposition own = new Exposition().family("jkeepalived_child_up", Exposition.Type.GAUGE,
                "1 when the child process answered this scrape, 0 when it is down or did not answer in time.");
        for (ChildEndpoint c : children.get()) {
            if (!c.expected().getAsBoolean()) {
                continue;
            }
            Optional<String> part = c.ask().apply(StatusDocument.METRICS);
            part.ifPresent(b::append);
            own.sample("jkeepalived_child_up", part.isPresent() ? 1 : 0, "child", c.name());
        }
        own.family("jkeepalived_build_info", Exposition.Type.GAUGE, "The running version, always 1.")
                .sample("jkeepalived_build_info", 1, "version", version);
        return b.append(own.render()).toString();
    }

    /** {"version": ..., "vrrp": {...} or null, "checkers": {...} or null}, with each expected child's "up". */
    String status() {
        StringBuilder b = new StringBuilder("{\"version\":").append(Json.quote(version));
        for (ChildEndpoint c : children.get()) {
            if (!c.expected().getAsBoolean()) {
                continue;
            }
            Optional<String> part = c.ask().apply(StatusDocument.STATUS_JSON);
            b.append(',').append(Json.quote(c.name())).append(':').append(part.orElse("null"))
                    .append(',').append(Json.quote(c.name() + "_up")).append(':').append(part.isPresent());
        }
        return b.append("}\n").toString();
    }

    String statusText() {
        StringBuilder b = new StringBuilder();
        for (ChildEndpoint c : children.get()) {
            if (!c.expected().getAsBoolean()) {
                continue;
            }
            Optional<String> part = c.ask().apply(StatusDocument.STATUS_TEXT);
            if (part.isPresent()) {
                b.append(part.get());
            } else {
                b.append("The ").append(c.name()).append(" child process is not running or did not answer.\n");
            }
        }
        return b.toString();
    }

    private static void reply(HttpExchange x, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().set("Content-Type", type);
        boolean head = x.getRequestMethod().equals("HEAD");
        x.sendResponseHeaders(status, head || bytes.length == 0 ? -1 : bytes.length);
        if (!head && bytes.length > 0) {
            try (OutputStream out = x.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
