package org.jkeepalived.ipvs;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** One virtual service with its destinations, in the order given; destination keys are unique. */
public record VirtualService(Service service, List<Destination> destinations) {
    public VirtualService {
        Objects.requireNonNull(service, "service");
        destinations = List.copyOf(destinations);
        if (byKey(destinations).size() != destinations.size()) {
            throw new IllegalArgumentException("duplicate destination in " + service.key());
        }
    }

    public ServiceKey key() {
        return service.key();
    }

    /** The destinations by address and port, in order. */
    public Map<DestinationKey, Destination> destinationMap() {
        return Collections.unmodifiableMap(byKey(destinations));
    }

    private static Map<DestinationKey, Destination> byKey(List<Destination> ds) {
        Map<DestinationKey, Destination> m = new LinkedHashMap<>();
        for (Destination d : ds) {
            m.put(d.key(), d);
        }
        return m;
    }
}
