package org.jkeepalived.ipvs;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One virtual service with its destinations; destination keys are unique. Two are equal when their services and
 * their sets of destinations are, whatever the order (the kernel dumps destinations in its own order).
 */
public record VirtualService(Service service, List<Destination> destinations) {
    public VirtualService {
        Objects.requireNonNull(service, "service");
        destinations = List.copyOf(destinations);
        if (byKey(destinations).size() != destinations.size()) {
            throw new IllegalArgumentException("duplicate destination in " + service.key());
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VirtualService v && service.equals(v.service)
                && byKey(destinations).equals(byKey(v.destinations));
    }

    @Override
    public int hashCode() {
        return service.hashCode() * 31 + Set.copyOf(destinations).hashCode();
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
