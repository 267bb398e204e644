package org.jkeepalived.ipvs;

import java.net.InetAddress;
import java.util.Objects;
import org.jkeepalived.core.config.lvs.LvsArguments;

/** What identifies a destination (real server) within a service: its address and port. */
public record DestinationKey(InetAddress address, int port) {
    public DestinationKey {
        Objects.requireNonNull(address, "address");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("bad port " + port);
        }
    }

    @Override
    public String toString() {
        return LvsArguments.format(address, port);
    }
}
