package org.jkeepalived.ipvs;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A whole IPVS table as plain values: virtual services by key, in order. Used for the desired state built from the
 * configuration and the health of the real servers, and for the kernel's state read back by a dump.
 */
public final class IpvsRules {
    private static final IpvsRules EMPTY = new IpvsRules(Map.of());
    private final Map<ServiceKey, VirtualService> services;

    private IpvsRules(Map<ServiceKey, VirtualService> services) {
        this.services = services;
    }

    public static IpvsRules empty() {
        return EMPTY;
    }

    /** Rules from {@code services}; throws IllegalArgumentException when two share a key. */
    public static IpvsRules of(Collection<VirtualService> services) {
        Map<ServiceKey, VirtualService> m = new LinkedHashMap<>();
        for (VirtualService s : services) {
            if (m.putIfAbsent(s.key(), s) != null) {
                throw new IllegalArgumentException("duplicate service " + s.key());
            }
        }
        return new IpvsRules(Collections.unmodifiableMap(m));
    }

    /** The rules a dump shows, without counters. */
    public static IpvsRules fromDump(List<ServiceDump> dump) {
        List<VirtualService> out = new ArrayList<>(dump.size());
        for (ServiceDump s : dump) {
            out.add(s.toVirtualService());
        }
        return of(out);
    }

    public Map<ServiceKey, VirtualService> services() {
        return services;
    }

    /** The service with {@code key}, or null. */
    public VirtualService service(ServiceKey key) {
        return services.get(key);
    }

    public int size() {
        return services.size();
    }

    /** Number of destinations over all services. */
    public int destinationCount() {
        int n = 0;
        for (VirtualService s : services.values()) {
            n += s.destinations().size();
        }
        return n;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IpvsRules r && services.equals(r.services);
    }

    @Override
    public int hashCode() {
        return services.hashCode();
    }

    @Override
    public String toString() {
        return "IpvsRules" + services.values();
    }
}
