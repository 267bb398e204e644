package org.jkeepalived.core.config.global;

import java.net.InetAddress;
import java.util.Objects;

/**
 * Where the metrics and status endpoint listens ({@code metrics_listen ADDRESS PORT}, or
 * {@code metrics_listen_address} and {@code metrics_listen_port}): a jkeepalived extension to global_defs that
 * keepalived does not know. The address defaults to 127.0.0.1: the endpoint stays on loopback unless the
 * operator names another address.
 *
 * @param address an IP literal (never resolved through DNS)
 * @param port    1..65535
 */
public record MetricsListen(InetAddress address, int port) {
    /** The port used when only {@code metrics_listen_address} is given. */
    public static final int DEFAULT_PORT = 9650;

    public MetricsListen {
        Objects.requireNonNull(address, "address");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " not in 1..65535");
        }
    }

    /** The loopback address the endpoint listens on unless told otherwise. */
    public static InetAddress loopback() {
        return InetAddress.getLoopbackAddress();
    }
}
