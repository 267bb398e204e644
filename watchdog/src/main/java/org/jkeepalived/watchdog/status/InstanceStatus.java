package org.jkeepalived.watchdog.status;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.jkeepalived.vrrp.engine.TrackerStatus;
import org.jkeepalived.vrrp.engine.VrrpInstance;
import org.jkeepalived.vrrp.engine.VrrpState;
import org.jkeepalived.vrrp.packet.AddressText;

/**
 * Why each VRRP instance is in its state, as {@code /status} (JSON) and {@code jkeepalived status} (text) show it:
 * base priority, each tracked object with its weight, result and contribution, the effective priority, the current
 * master, and the last transition with its reason and time. Call on the router's scheduler thread.
 */
public final class InstanceStatus {
    private InstanceStatus() {
    }

    /** When the scheduler's {@code nanoTime} happened, on the wall clock. */
    static Instant wallTime(long nanoTime, long nowNanos, Instant now) {
        return now.minusNanos(nowNanos - nanoTime);
    }

    /** The JSON array of instances. */
    public static String json(List<InstanceView> instances, long nowNanos, Instant now) {
        StringBuilder b = new StringBuilder("[");
        for (int n = 0; n < instances.size(); n++) {
            VrrpInstance i = instances.get(n).instance();
            b.append(n == 0 ? "" : ",").append("{\"name\":").append(Json.quote(i.name()))
                    .append(",\"state\":").append(Json.quote(i.state().name()))
                    .append(",\"interface\":").append(Json.quote(i.spec().interfaceName()))
                    .append(",\"vrid\":").append(i.spec().vrid())
                    .append(",\"base_priority\":").append(i.spec().priority())
                    .append(",\"effective_priority\":").append(i.effectivePriority())
                    .append(",\"tracked\":[");
            List<TrackerStatus> tracked = i.trackerStatus();
            for (int k = 0; k < tracked.size(); k++) {
                TrackerStatus t = tracked.get(k);
                b.append(k == 0 ? "" : ",").append("{\"kind\":").append(Json.quote(kind(t)))
                        .append(",\"name\":").append(Json.quote(t.tracked().name()))
                        .append(",\"weight\":").append(t.tracked().weight())
                        .append(",\"reverse\":").append(t.tracked().reverse())
                        .append(",\"result\":").append(Json.quote(result(t)))
                        .append(",\"contribution\":").append(t.contribution())
                        .append(",\"fault\":").append(t.fault()).append('}');
            }
            b.append("],\"master\":");
            if (hasMaster(i)) {
                b.append("{\"address\":").append(Json.quote(AddressText.of(i.masterAddress())))
                        .append(",\"priority\":").append(i.masterPriority())
                        .append(",\"self\":").append(i.state() == VrrpState.MASTER).append('}');
            } else {
                b.append("null");
            }
            b.append(",\"last_transition\":");
            VrrpInstance.Transition t = i.lastTransition();
            if (t != null) {
                b.append("{\"from\":").append(Json.quote(t.from().name()))
                        .append(",\"to\":").append(Json.quote(t.to().name()))
                        .append(",\"reason\":").append(Json.quote(t.reason().name()))
                        .append(",\"time\":").append(Json.quote(wallTime(t.nanoTime(), nowNanos, now).toString()))
                        .append(",\"seconds_ago\":").append(seconds(nowNanos - t.nanoTime()))
                        .append(",\"effective_priority\":").append(t.effectivePriority()).append('}');
            } else {
                b.append("null");
            }
            b.append('}');
        }
        return b.append(']').toString();
    }

    /** The human explanation {@code jkeepalived status} prints, one block per instance. */
    public static String text(List<InstanceView> instances, long nowNanos, Instant now) {
        StringBuilder b = new StringBuilder();
        for (InstanceView v : instances) {
            VrrpInstance i = v.instance();
            VrrpInstance.Transition t = i.lastTransition();
            b.append("VRRP Instance ").append(i.name()).append(": ").append(i.state());
            if (t != null) {
                b.append(" for ").append(seconds(nowNanos - t.nanoTime())).append(" s");
            }
            b.append('\n');
            b.append("  Base priority: ").append(i.spec().priority()).append('\n');
            for (TrackerStatus s : i.trackerStatus()) {
                b.append("  Tracked ").append(kind(s)).append(' ').append(s.tracked().name())
                        .append(": weight ").append(s.tracked().weight())
                        .append(s.tracked().reverse() ? " reverse" : "")
                        .append(", result ").append(result(s))
                        .append(s.tracked().kind() == org.jkeepalived.vrrp.engine.TrackedObject.Kind.FILE
                                ? " (value " + s.fileValue() + ")" : "")
                        .append(", ").append(effect(s)).append('\n');
            }
            b.append("  Effective priority: ").append(i.effectivePriority()).append('\n');
            if (hasMaster(i)) {
                b.append("  Master: ").append(i.state() == VrrpState.MASTER ? "this router, "
                        : "").append(AddressText.of(i.masterAddress())).append(" priority ")
                        .append(i.masterPriority()).append('\n');
            } else {
                b.append("  Master: unknown (").append(i.state()).append(": adverts are not followed)\n");
            }
            if (t != null) {
                b.append("  Last transition: ").append(t.from()).append(" -> ").append(t.to()).append(", reason ")
                        .append(t.reason()).append(", at ").append(wallTime(t.nanoTime(), nowNanos, now))
                        .append(" (").append(seconds(nowNanos - t.nanoTime())).append(" s ago), effective priority ")
                        .append(t.effectivePriority()).append('\n');
            }
            b.append("  Adverts: sent ").append(v.stats().advertSent()).append(", received ")
                    .append(v.stats().advertRcvd()).append(", dropped ").append(v.stats().droppedTotal()).append('\n');
        }
        return b.toString();
    }

    private static boolean hasMaster(VrrpInstance i) {
        return (i.state() == VrrpState.MASTER || i.state() == VrrpState.BACKUP) && i.masterAddress() != null;
    }

    private static String kind(TrackerStatus t) {
        return t.tracked().kind().name().toLowerCase(Locale.ROOT);
    }

    /** The object's own result in keepalived's words. */
    static String result(TrackerStatus t) {
        return switch (t.tracked().kind()) {
            case INTERFACE -> t.healthy() ? "UP" : "DOWN";
            case SCRIPT -> t.healthy() ? "OK" : "FAILED";
            case FILE -> t.healthy() ? "OK" : "NON-ZERO";
        };
    }

    private static String effect(TrackerStatus t) {
        if (t.fault()) {
            return "puts the instance in FAULT";
        }
        if (t.contribution() == 0) {
            return "adds nothing";
        }
        return (t.contribution() > 0 ? "adds +" : "adds ") + t.contribution();
    }

    static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.1f", Math.max(0, nanos) / 1e9);
    }
}
