package org.jkeepalived.ipvs;

import java.util.Objects;

/** A destination as the kernel reports it: its settings, its connection counts and its statistics. */
public record DestinationDump(Destination destination, long activeConnections, long inactiveConnections,
                              long persistentConnections, IpvsStats stats) {
    public DestinationDump {
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(stats, "stats");
    }
}
