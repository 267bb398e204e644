package org.jkeepalived.watchdog.status;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jkeepalived.vrrp.engine.TrackerStatus;
import org.jkeepalived.vrrp.engine.TransitionReason;
import org.jkeepalived.vrrp.engine.VrrpInstance;
import org.jkeepalived.vrrp.engine.VrrpState;
import org.jkeepalived.vrrp.packet.DropReason;
import org.jkeepalived.vrrp.packet.VrrpStats;
import org.jkeepalived.watchdog.status.Exposition.Type;

/**
 * The VRRP child's metric families (names in docs/metrics.md): per instance its state, priorities, time in state,
 * transitions by reason, tracked objects, and every counter of keepalived's {@code vrrp_stats}. Call on the
 * router's scheduler thread.
 */
public final class VrrpMetrics {
    static final String PREFIX = "jkeepalived_vrrp_";
    /** The counters of {@link VrrpStats#snapshot()} that are not drops, by keepalived name, and their metric. */
    static final Map<String, String> COUNTERS = Map.of(
            "advert_rcvd", "adverts_received_total",
            "advert_sent", "adverts_sent_total",
            "become_master", "become_master_total",
            "release_master", "release_master_total",
            "addr_list_err", "addr_list_err_total",
            "pri_zero_rcvd", "priority_zero_received_total",
            "pri_zero_sent", "priority_zero_sent_total");

    private VrrpMetrics() {
    }

    /** Adds the families of {@code instances} to {@code out}; {@code nowNanos} is the scheduler's clock now. */
    public static void render(List<InstanceView> instances, long nowNanos, Exposition out) {
        declare(out);
        for (InstanceView v : instances) {
            VrrpInstance i = v.instance();
            String name = i.name();
            for (VrrpState s : VrrpState.values()) {
                out.sample(PREFIX + "state", i.state() == s ? 1 : 0, "instance", name, "state", s.name());
            }
            out.sample(PREFIX + "base_priority", i.spec().priority(), "instance", name);
            out.sample(PREFIX + "effective_priority", i.effectivePriority(), "instance", name);
            if (i.state() == VrrpState.MASTER || i.state() == VrrpState.BACKUP) {
                out.sample(PREFIX + "master_priority", i.masterPriority(), "instance", name);
            }
            VrrpInstance.Transition last = i.lastTransition();
            if (last != null) {
                out.sample(PREFIX + "time_in_state_seconds", Math.max(0, nowNanos - last.nanoTime()) / 1e9,
                        "instance", name);
            }
            for (TransitionReason r : TransitionReason.values()) {
                out.sample(PREFIX + "transitions_total", i.counters().transitions(r), "instance", name,
                        "reason", r.name().toLowerCase(Locale.ROOT));
            }
            for (TrackerStatus t : i.trackerStatus()) {
                String kind = t.tracked().kind().name().toLowerCase(Locale.ROOT);
                out.sample(PREFIX + "tracked_healthy", t.healthy() ? 1 : 0, "instance", name, "kind", kind,
                        "name", t.tracked().name());
                out.sample(PREFIX + "tracked_priority_contribution", t.contribution(), "instance", name,
                        "kind", kind, "name", t.tracked().name());
            }
            for (Map.Entry<String, Long> e : v.stats().snapshot().entrySet()) {
                String metric = COUNTERS.get(e.getKey());
                if (metric != null) {
                    out.sample(PREFIX + metric, e.getValue(), "instance", name);
                } else {
                    out.sample(PREFIX + "dropped_total", e.getValue(), "instance", name, "reason", e.getKey());
                }
            }
        }
    }

    private static void declare(Exposition out) {
        out.family(PREFIX + "state", Type.GAUGE, "1 for the state the VRRP instance is in, 0 for the others.")
                .family(PREFIX + "base_priority", Type.GAUGE, "The configured priority.")
                .family(PREFIX + "effective_priority", Type.GAUGE,
                        "The priority advertised now: base priority plus tracked objects' weights.")
                .family(PREFIX + "master_priority", Type.GAUGE,
                        "The priority of the current master (ours when MASTER), in MASTER and BACKUP only.")
                .family(PREFIX + "time_in_state_seconds", Type.GAUGE, "Time since the last state transition.")
                .family(PREFIX + "transitions_total", Type.COUNTER, "State transitions by reason.")
                .family(PREFIX + "tracked_healthy", Type.GAUGE,
                        "1 when a tracked interface is up, script succeeds or file holds 0.")
                .family(PREFIX + "tracked_priority_contribution", Type.GAUGE,
                        "What a tracked object adds to the base priority now.");
        out.family(PREFIX + "adverts_received_total", Type.COUNTER, "Adverts accepted (keepalived advert_rcvd).")
                .family(PREFIX + "adverts_sent_total", Type.COUNTER, "Adverts sent (keepalived advert_sent).")
                .family(PREFIX + "become_master_total", Type.COUNTER, "Entries into MASTER (become_master).")
                .family(PREFIX + "release_master_total", Type.COUNTER, "Exits from MASTER (release_master).")
                .family(PREFIX + "addr_list_err_total", Type.COUNTER,
                        "Accepted adverts whose address list differs from ours (addr_list_err).")
                .family(PREFIX + "priority_zero_received_total", Type.COUNTER,
                        "Priority 0 adverts received (pri_zero_rcvd).")
                .family(PREFIX + "priority_zero_sent_total", Type.COUNTER, "Priority 0 adverts sent (pri_zero_sent).")
                .family(PREFIX + "dropped_total", Type.COUNTER,
                        "Received packets dropped, by keepalived's counter name ("
                                + String.join(", ", dropNames()) + ").");
    }

    static List<String> dropNames() {
        return java.util.Arrays.stream(DropReason.values()).map(DropReason::statName).toList();
    }
}
