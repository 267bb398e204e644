package org.jkeepalived.ipvs;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** A service as the kernel reports it: its settings, its statistics and its destinations. */
public record ServiceDump(Service service, IpvsStats stats, List<DestinationDump> destinations) {
    public ServiceDump {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(stats, "stats");
        destinations = List.copyOf(destinations);
    }

    /** The service and destinations without counters. */
    public VirtualService toVirtualService() {
        List<Destination> ds = new ArrayList<>(destinations.size());
        for (DestinationDump d : destinations) {
            ds.add(d.destination());
        }
        return new VirtualService(service, ds);
    }
}
