package org.jkeepalived.vrrp.engine;

import java.util.List;

/**
 * The current status of an instance's tracked objects and what they add up to: the effective
 * priority and whether the instance must be in FAULT. Every tracked object starts healthy
 * (interface up, script OK, file value 0); the wiring feeds the real status before start(). A script
 * may be marked pending (no result yet, keepalived's INIT): its weight is not applied either way and it
 * holds nothing in FAULT, but a pending weight-0 script keeps a starting instance waiting
 * ({@link #awaitingFirstResult}).
 */
final class TrackerSet {
    /** Tracked weights may not push a non-owner outside 1..254 (keepalived.conf(5), "track_file"). */
    static final int MIN_PRIORITY = 1;
    static final int MAX_PRIORITY = 254;
    /** A track_file product below this puts the instance in FAULT. */
    static final long FILE_FAULT_BELOW = -253;

    private final List<TrackedObject> tracked;
    private final boolean[] ok;
    private final long[] value;
    private final boolean[] pending;

    TrackerSet(List<TrackedObject> tracked) {
        this.tracked = tracked;
        this.ok = new boolean[tracked.size()];
        this.value = new long[tracked.size()];
        this.pending = new boolean[tracked.size()];
        java.util.Arrays.fill(ok, true);
    }

    /**
     * A set for another list of tracked objects (a reload) that keeps the status of every object tracked in
     * both (same kind and name); the others start healthy, as at start-up.
     */
    TrackerSet carriedTo(List<TrackedObject> next) {
        TrackerSet s = new TrackerSet(next);
        for (int i = 0; i < next.size(); i++) {
            TrackedObject n = next.get(i);
            for (int j = 0; j < tracked.size(); j++) {
                TrackedObject o = tracked.get(j);
                if (o.kind() == n.kind() && o.name().equals(n.name())) {
                    s.ok[i] = ok[j];
                    s.value[i] = value[j];
                    s.pending[i] = pending[j];
                    break;
                }
            }
        }
        return s;
    }

    /** Records an interface's or script's status; returns whether a tracked object changed. */
    boolean setStatus(TrackedObject.Kind kind, String name, boolean healthy) {
        boolean changed = false;
        for (int i = 0; i < ok.length; i++) {
            TrackedObject t = tracked.get(i);
            if (t.kind() == kind && t.name().equals(name) && (ok[i] != healthy || pending[i])) {
                ok[i] = healthy;
                pending[i] = false;
                changed = true;
            }
        }
        return changed;
    }

    /** Marks a script as having no result yet; returns whether a tracked object changed. */
    boolean setPending(String script) {
        boolean changed = false;
        for (int i = 0; i < pending.length; i++) {
            TrackedObject t = tracked.get(i);
            if (t.kind() == TrackedObject.Kind.SCRIPT && t.name().equals(script) && !pending[i]) {
                pending[i] = true;
                changed = true;
            }
        }
        return changed;
    }

    /**
     * Whether a weight-0 script has no result yet: keepalived 2.2.7 keeps a starting instance in INIT until
     * every such script reported once (checked against the binary).
     */
    boolean awaitingFirstResult() {
        for (int i = 0; i < pending.length; i++) {
            if (pending[i] && tracked.get(i).weight() == 0) {
                return true;
            }
        }
        return false;
    }

    /** Records a track_file value; returns whether a tracked file changed. */
    boolean setFileValue(String name, long fileValue) {
        boolean changed = false;
        for (int i = 0; i < value.length; i++) {
            TrackedObject t = tracked.get(i);
            if (t.kind() == TrackedObject.Kind.FILE && t.name().equals(name) && value[i] != fileValue) {
                value[i] = fileValue;
                changed = true;
            }
        }
        return changed;
    }

    /** The first tracked object that holds the instance in FAULT, or null when none does. */
    TrackedObject faultCause() {
        for (int i = 0; i < ok.length; i++) {
            TrackedObject t = tracked.get(i);
            if (t.kind() == TrackedObject.Kind.FILE) {
                if (t.weight() == 0 ? (value[i] != 0) != t.reverse() : fileProduct(i) < FILE_FAULT_BELOW) {
                    return t;
                }
            } else if (t.weight() == 0 && ok[i] == t.reverse() && !pending[i]) {
                return t;
            }
        }
        return null;
    }

    /** keepalived's line (after "(NAME): ") for {@code cause} putting the instance in FAULT. */
    String faultLine(TrackedObject cause) {
        return switch (cause.kind()) {
            case INTERFACE -> "entering FAULT state (interface " + cause.name() + " down)";
            case SCRIPT -> "entering FAULT state due to script " + cause.name();
            case FILE -> "entering FAULT state (tracked file " + cause.name() + " has status "
                    + fileValue(cause) + ")";
        };
    }

    /** The current value of a tracked file (0 until one is reported). */
    long fileValue(TrackedObject t) {
        return value[tracked.indexOf(t)];
    }

    /**
     * The effective priority: base plus the weights of the tracked objects, clamped to 1..254; the
     * address owner's 255 is never changed by weights (keepalived.conf(5), "priority").
     */
    int effectivePriority(int basePriority) {
        if (basePriority == InstanceSpec.PRIORITY_OWNER) {
            return basePriority;
        }
        long total = basePriority;
        for (int i = 0; i < ok.length; i++) {
            TrackedObject t = tracked.get(i);
            if (t.weight() == 0 || pending[i]) {
                continue;
            }
            if (t.kind() == TrackedObject.Kind.FILE) {
                long p = fileProduct(i);
                if (p >= FILE_FAULT_BELOW) {
                    total += p;
                }
                continue;
            }
            boolean healthy = ok[i] != t.reverse();
            int weight = t.reverse() ? -t.weight() : t.weight();
            if (weight > 0 && healthy || weight < 0 && !healthy) {
                total += weight;
            }
        }
        return (int) Math.max(MIN_PRIORITY, Math.min(MAX_PRIORITY, total));
    }

    /** Each tracked object's current result and effect, in configuration order. */
    List<TrackerStatus> status(int basePriority) {
        List<TrackerStatus> out = new java.util.ArrayList<>(tracked.size());
        for (int i = 0; i < ok.length; i++) {
            TrackedObject t = tracked.get(i);
            long added;
            boolean healthy;
            if (t.kind() == TrackedObject.Kind.FILE) {
                healthy = value[i] == 0;
                long p = fileProduct(i);
                added = t.weight() != 0 && p >= FILE_FAULT_BELOW ? p : 0;
            } else if (pending[i]) {
                healthy = false;
                added = 0;
            } else {
                healthy = ok[i];
                boolean good = ok[i] != t.reverse();
                int weight = t.reverse() ? -t.weight() : t.weight();
                added = weight > 0 && good || weight < 0 && !good ? weight : 0;
            }
            if (basePriority == InstanceSpec.PRIORITY_OWNER) {
                added = 0;
            }
            out.add(new TrackerStatus(t, healthy, value[i], added, isFault(i)));
        }
        return out;
    }

    private boolean isFault(int i) {
        TrackedObject t = tracked.get(i);
        if (t.kind() == TrackedObject.Kind.FILE) {
            return t.weight() == 0 ? (value[i] != 0) != t.reverse() : fileProduct(i) < FILE_FAULT_BELOW;
        }
        return t.weight() == 0 && ok[i] == t.reverse() && !pending[i];
    }

    private long fileProduct(int i) {
        TrackedObject t = tracked.get(i);
        long p = value[i] * t.weight();
        return t.reverse() ? -p : p;
    }
}
