package org.jkeepalived.core.config.global;

import org.jkeepalived.core.config.Arguments;
import org.jkeepalived.core.config.KeywordTable;

/**
 * The global_defs keywords of the metrics and status endpoint, a jkeepalived extension (keepalived -t rejects a
 * configuration that uses them): {@code metrics_listen [ADDRESS] [PORT]}, {@code metrics_listen_address ADDRESS},
 * {@code metrics_listen_port PORT}. Any of them turns the endpoint on.
 */
final class MetricsKeywords {
    private MetricsKeywords() {
    }

    static void register(KeywordTable<GlobalDefsBuilder> t) {
        t.on("metrics_listen", (b, n, d) -> {
            b.metricsEnabled = true;
            if (!n.args().isEmpty()) {
                Arguments.address(n, 0, d).ifPresent(a -> b.metricsAddress = a);
            }
            if (n.args().size() > 1) {
                Arguments.integer(n, 1, 1, 65535, d).ifPresent(p -> b.metricsPort = p);
            }
            Arguments.atMost(n, 2, d);
        });
        t.on("metrics_listen_address", (b, n, d) -> {
            b.metricsEnabled = true;
            Arguments.address(n, 0, d).ifPresent(a -> b.metricsAddress = a);
        });
        t.on("metrics_listen_port", (b, n, d) -> {
            b.metricsEnabled = true;
            Arguments.integer(n, 1, 65535, d).ifPresent(p -> b.metricsPort = p);
        });
    }
}
