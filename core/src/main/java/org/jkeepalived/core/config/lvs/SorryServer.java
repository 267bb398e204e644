package org.jkeepalived.core.config.lvs;

import java.net.InetAddress;
import java.util.Objects;
import org.jkeepalived.core.config.SourceLocation;

/**
 * The {@code sorry_server IP [PORT]} of a virtual server, put in place of all real servers while quorum is lost.
 * {@code inhibit} is {@code sorry_server_inhibit}; {@code forwarding} is {@code sorry_server_lvs_method}, else the
 * virtual server's method.
 */
public record SorryServer(InetAddress address, int port, boolean inhibit, Forwarding forwarding,
                          SourceLocation location) {
    public SorryServer {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(forwarding, "forwarding");
        Objects.requireNonNull(location, "location");
    }
}
