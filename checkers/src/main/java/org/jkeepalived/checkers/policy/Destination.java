package org.jkeepalived.checkers.policy;

import java.net.InetAddress;
import java.util.Objects;

import org.jkeepalived.core.config.lvs.Forwarding;

/**
 * One destination the health checker wants in a virtual service's IPVS pool: a live real server at its weight, an
 * inhibited one at weight 0, or the sorry server.
 */
public record Destination(InetAddress address, int port, int weight, Forwarding forwarding, long uThreshold,
                          long lThreshold, boolean sorry) {
    public Destination {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(forwarding, "forwarding");
    }
}
