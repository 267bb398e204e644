package org.jkeepalived.ipvs;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Plans the fewest IPVS operations that turn the kernel's table into the desired one; pure.
 *
 * <p>Ownership follows keepalived: a service that is desired is fully ours (destinations it should not have are
 * deleted); a service that is not desired is deleted only when we put it there ({@code owned}, the rules we last
 * applied), so rules an operator added by hand survive. A service or destination whose settings did not change
 * gets no operation at all, so its connections and counters survive a reload; a changed one is edited in place
 * rather than re-created. The order is: delete services, edit services, per kept service delete, edit and add
 * destinations, then add new services each followed by its destinations.
 */
public final class Reconciler {
    private Reconciler() {
    }

    /** The operations that turn {@code current} into {@code desired}, deleting only services in {@code owned}. */
    public static List<IpvsOperation> plan(IpvsRules current, IpvsRules owned, IpvsRules desired) {
        List<IpvsOperation> ops = new ArrayList<>();
        for (ServiceKey k : current.services().keySet()) {
            if (desired.service(k) == null && owned.service(k) != null) {
                ops.add(IpvsOperation.deleteService(k));
            }
        }
        for (VirtualService want : desired.services().values()) {
            VirtualService have = current.service(want.key());
            if (have != null && !have.service().equals(want.service())) {
                ops.add(IpvsOperation.editService(want.service()));
            }
        }
        for (VirtualService want : desired.services().values()) {
            VirtualService have = current.service(want.key());
            if (have != null) {
                planDestinations(want.key(), have.destinationMap(), want.destinationMap(), ops);
            }
        }
        for (VirtualService want : desired.services().values()) {
            if (current.service(want.key()) == null) {
                ops.add(IpvsOperation.addService(want.service()));
                for (Destination d : want.destinations()) {
                    ops.add(IpvsOperation.addDestination(want.key(), d));
                }
            }
        }
        return ops;
    }

    /** The operations that remove every service of {@code owned} still in {@code current} (stop without -I). */
    public static List<IpvsOperation> planRemoval(IpvsRules current, IpvsRules owned) {
        List<IpvsOperation> ops = new ArrayList<>();
        for (ServiceKey k : owned.services().keySet()) {
            if (current.service(k) != null) {
                ops.add(IpvsOperation.deleteService(k));
            }
        }
        return ops;
    }

    /**
     * Applies {@code ops} in order; a refused operation does not stop the others (one bad real server must not
     * keep the rest out of the table). Returns the refusals.
     */
    public static List<Failure> apply(IpvsTable table, List<IpvsOperation> ops) {
        List<Failure> failures = new ArrayList<>();
        for (IpvsOperation op : ops) {
            try {
                op.applyTo(table);
            } catch (IOException e) {
                failures.add(new Failure(op, e));
            }
        }
        return failures;
    }

    private static void planDestinations(ServiceKey key, Map<DestinationKey, Destination> have,
                                         Map<DestinationKey, Destination> want, List<IpvsOperation> ops) {
        for (DestinationKey k : have.keySet()) {
            if (!want.containsKey(k)) {
                ops.add(IpvsOperation.deleteDestination(key, k));
            }
        }
        for (Destination d : want.values()) {
            Destination h = have.get(d.key());
            if (h != null && !h.equals(d)) {
                ops.add(IpvsOperation.editDestination(key, d));
            }
        }
        for (Destination d : want.values()) {
            if (!have.containsKey(d.key())) {
                ops.add(IpvsOperation.addDestination(key, d));
            }
        }
    }

    /** An operation the kernel refused, with why. */
    public record Failure(IpvsOperation operation, IOException cause) {
        @Override
        public String toString() {
            return operation + ": " + cause.getMessage();
        }
    }
}
