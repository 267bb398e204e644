package org.jkeepalived.ipvs;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An in-memory {@link IpvsTable} with the kernel's refusals (EEXIST, ESRCH, ENOENT for an unknown scheduler or
 * destination). Each service and destination carries the number of its creation in {@link IpvsStats#connections()}
 * so a test sees whether a rule was re-created; {@link #operations()} lists every change request.
 */
public final class FakeIpvsTable implements IpvsTable {
    /** The schedulers Debian 12's kernel 6.1 ships (net/netfilter/ipvs/ip_vs_*.ko). */
    public static final Set<String> SCHEDULERS =
            Set.of("rr", "wrr", "lc", "wlc", "lblc", "lblcr", "dh", "sh", "sed", "nq", "fo", "ovf", "mh");

    private final Map<ServiceKey, Entry> services = new LinkedHashMap<>();
    private final List<String> operations = new ArrayList<>();
    private long creations;

    private static final class Entry {
        Service service;
        final long created;
        final Map<DestinationKey, Destination> destinations = new LinkedHashMap<>();
        final Map<DestinationKey, Long> destinationCreated = new LinkedHashMap<>();

        Entry(Service service, long created) {
            this.service = service;
            this.created = created;
        }
    }

    /** Every change request so far, as {@link IpvsOperation#toString()} would spell it. */
    public List<String> operations() {
        return List.copyOf(operations);
    }

    public void clearOperations() {
        operations.clear();
    }

    @Override
    public IpvsInfo info() {
        return new IpvsInfo(0x010201, 4096);
    }

    @Override
    public List<ServiceDump> services() {
        List<ServiceDump> out = new ArrayList<>();
        for (Entry e : services.values()) {
            out.add(new ServiceDump(e.service, stats(e.created), List.of()));
        }
        return out;
    }

    @Override
    public List<DestinationDump> destinations(ServiceKey key) throws IOException {
        Entry e = existing(key, "GET_DEST");
        List<DestinationDump> out = new ArrayList<>();
        for (Destination d : e.destinations.values()) {
            out.add(new DestinationDump(d, 0, 0, 0, stats(e.destinationCreated.get(d.key()))));
        }
        return out;
    }

    @Override
    public void addService(Service s) throws IOException {
        operations.add(IpvsOperation.addService(s).toString());
        if (services.containsKey(s.key())) {
            throw new IpvsException("NEW_SERVICE(" + s.key() + ") failed: EEXIST", IpvsException.EEXIST);
        }
        scheduler(s);
        services.put(s.key(), new Entry(s, ++creations));
    }

    @Override
    public void editService(Service s) throws IOException {
        operations.add(IpvsOperation.editService(s).toString());
        Entry e = existing(s.key(), "SET_SERVICE");
        scheduler(s);
        e.service = s;
    }

    @Override
    public void deleteService(ServiceKey key) throws IOException {
        operations.add(IpvsOperation.deleteService(key).toString());
        existing(key, "DEL_SERVICE");
        services.remove(key);
    }

    @Override
    public void addDestination(ServiceKey key, Destination d) throws IOException {
        operations.add(IpvsOperation.addDestination(key, d).toString());
        Entry e = existing(key, "NEW_DEST");
        if (e.destinations.containsKey(d.key())) {
            throw new IpvsException("NEW_DEST(" + d.key() + ") failed: EEXIST", IpvsException.EEXIST);
        }
        e.destinations.put(d.key(), d);
        e.destinationCreated.put(d.key(), ++creations);
    }

    @Override
    public void editDestination(ServiceKey key, Destination d) throws IOException {
        operations.add(IpvsOperation.editDestination(key, d).toString());
        Entry e = existing(key, "SET_DEST");
        if (!e.destinations.containsKey(d.key())) {
            throw new IpvsException("SET_DEST(" + d.key() + ") failed: ENOENT", IpvsException.ENOENT);
        }
        e.destinations.put(d.key(), d);
    }

    @Override
    public void deleteDestination(ServiceKey key, DestinationKey d) throws IOException {
        operations.add(IpvsOperation.deleteDestination(key, d).toString());
        Entry e = existing(key, "DEL_DEST");
        if (e.destinations.remove(d) == null) {
            throw new IpvsException("DEL_DEST(" + d + ") failed: ENOENT", IpvsException.ENOENT);
        }
        e.destinationCreated.remove(d);
    }

    @Override
    public void flush() {
        operations.add("flush");
        services.clear();
    }

    private Entry existing(ServiceKey key, String call) throws IpvsException {
        Entry e = services.get(key);
        if (e == null) {
            throw new IpvsException(call + "(" + key + ") failed: ESRCH", IpvsException.ESRCH);
        }
        return e;
    }

    private static void scheduler(Service s) throws IpvsException {
        if (!SCHEDULERS.contains(s.scheduler())) {
            throw new IpvsException("scheduler " + s.scheduler() + " failed: ENOENT", IpvsException.ENOENT);
        }
    }

    private static IpvsStats stats(long created) {
        return new IpvsStats(created, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }
}
