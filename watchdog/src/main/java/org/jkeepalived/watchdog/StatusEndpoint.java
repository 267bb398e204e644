package org.jkeepalived.watchdog;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.jkeepalived.core.config.global.MetricsListen;
import org.jkeepalived.watchdog.status.ChildEndpoint;
import org.jkeepalived.watchdog.status.MetricsServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The parent's metrics and status endpoint as the configuration asks for it ({@code metrics_listen} in
 * global_defs): started with the children, moved when a reload changes the address, stopped when a reload removes
 * it and on shutdown. A port that cannot be bound is logged and the daemon goes on without the endpoint. Called on
 * the parent's event thread.
 */
final class StatusEndpoint {
    private static final Logger LOG = LoggerFactory.getLogger("org.jkeepalived.Keepalived");

    private final Supplier<List<ChildEndpoint>> children;
    private MetricsListen current;
    private MetricsServer server;

    StatusEndpoint(Supplier<List<ChildEndpoint>> children) {
        this.children = children;
    }

    void configure(Optional<MetricsListen> wanted) {
        MetricsListen next = wanted.orElse(null);
        if (next != null && next.equals(current) && server != null) {
            return;
        }
        close();
        current = next;
        if (next == null) {
            return;
        }
        InetSocketAddress at = new InetSocketAddress(next.address(), next.port());
        try {
            server = MetricsServer.start(at, children, Version.number());
            LOG.info("Metrics and status on http://{}/metrics", hostPort(at));
        } catch (IOException e) {
            LOG.error("Cannot listen for metrics on {}: {}", hostPort(at), e.getMessage());
        }
    }

    void close() {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    static String hostPort(InetSocketAddress a) {
        String host = a.getAddress().getHostAddress();
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + a.getPort();
    }
}
