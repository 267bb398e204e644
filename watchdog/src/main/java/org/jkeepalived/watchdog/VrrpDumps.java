package org.jkeepalived.watchdog;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jkeepalived.vrrp.engine.InstanceSpec;
import org.jkeepalived.vrrp.engine.SyncGroup;
import org.jkeepalived.vrrp.engine.TrackedObject;
import org.jkeepalived.vrrp.engine.VirtualAddress;
import org.jkeepalived.vrrp.engine.VrrpInstance;
import org.jkeepalived.vrrp.engine.VrrpState;
import org.jkeepalived.vrrp.packet.AddressText;
import org.jkeepalived.vrrp.packet.VrrpStats;
import org.jkeepalived.vrrp.router.VrrpRouter;

/**
 * The VRRP child's state files, in the layout of keepalived 2.2.7's: {@code /tmp/keepalived.data}
 * (SIGUSR1, a readable dump of every instance), {@code /tmp/keepalived.stats} (the counters) and
 * {@code /tmp/keepalived.json} (instance data and stats, keepalived's field names). Call on the router's
 * scheduler thread.
 */
final class VrrpDumps {
    static final Path DATA_FILE = Path.of("/tmp/keepalived.data");
    static final Path STATS_FILE = Path.of("/tmp/keepalived.stats");
    static final Path JSON_FILE = Path.of("/tmp/keepalived.json");

    private VrrpDumps() {
    }

    static String data(VrrpRouter router) {
        StringBuilder b = new StringBuilder("------< VRRP Topology >------\n");
        for (VrrpInstance i : router.instances()) {
            InstanceSpec s = i.spec();
            b.append(" VRRP Instance = ").append(i.name()).append('\n')
                    .append("   VRRP Version = ").append(s.version()).append('\n')
                    .append("   State = ").append(i.state()).append('\n')
                    .append("   Interface = ").append(s.interfaceName()).append('\n')
                    .append("   Using src_ip = ").append(AddressText.of(s.primaryAddress())).append('\n')
                    .append("   Virtual Router ID = ").append(s.vrid()).append('\n')
                    .append("   Priority = ").append(s.priority()).append('\n')
                    .append("   Effective priority = ").append(i.effectivePriority()).append('\n')
                    .append("   Advert interval = ").append(s.advertIntervalMicros() / 1000).append(" milli-sec\n")
                    .append("   Preempt = ").append(s.preempt() ? "enabled" : "disabled").append('\n')
                    .append("   Preempt delay = ").append(s.preemptDelayMicros() / 1_000_000.0).append(" secs\n");
            if (i.state() == VrrpState.BACKUP && i.masterAddress() != null) {
                b.append("   Master router = ").append(AddressText.of(i.masterAddress())).append('\n')
                        .append("   Master priority = ").append(i.masterPriority()).append('\n');
            }
            if (!s.unicastPeers().isEmpty()) {
                b.append("   Unicast Peer = ").append(s.unicastPeers().size()).append('\n');
                s.unicastPeers().forEach(p -> b.append("     ").append(AddressText.of(p)).append('\n'));
            }
            for (TrackedObject t : s.tracked()) {
                b.append("   Tracked ").append(t.kind().name().toLowerCase()).append(" = ").append(t.name())
                        .append('\n');
            }
            b.append("   Virtual IP (").append(s.virtualAddresses().size()).append("):\n");
            for (VirtualAddress v : s.virtualAddresses()) {
                b.append("     ").append(AddressText.of(v.address())).append('/').append(v.prefixLength())
                        .append(" dev ").append(v.device() != null ? v.device() : s.interfaceName()).append('\n');
            }
        }
        List<SyncGroup> groups = router.syncGroups();
        if (!groups.isEmpty()) {
            b.append("------< VRRP Sync groups >------\n");
            for (SyncGroup g : groups) {
                b.append(" VRRP Sync Group = ").append(g.name()).append(", ").append(g.state()).append('\n');
                g.members().forEach(m -> b.append("   monitor = ").append(m.name()).append('\n'));
            }
        }
        return b.toString();
    }

    static String stats(VrrpRouter router) {
        StringBuilder b = new StringBuilder();
        for (VrrpInstance i : router.instances()) {
            VrrpStats s = router.stats(i.name());
            if (s != null) {
                b.append(s.formatStatsFile(i.name()));
            }
        }
        return b.toString();
    }

    /** keepalived's JSON: an array with one {@code {"data": {...}, "stats": {...}}} per instance. */
    static String json(VrrpRouter router) {
        StringBuilder b = new StringBuilder("[");
        List<VrrpInstance> all = router.instances();
        for (int n = 0; n < all.size(); n++) {
            VrrpInstance i = all.get(n);
            InstanceSpec s = i.spec();
            b.append(n == 0 ? "" : ",").append("{\"data\":{")
                    .append("\"iname\":").append(quote(i.name()))
                    .append(",\"ifp_ifname\":").append(quote(s.interfaceName()))
                    .append(",\"version\":").append(s.version())
                    .append(",\"vrid\":").append(s.vrid())
                    .append(",\"base_priority\":").append(s.priority())
                    .append(",\"effective_priority\":").append(i.effectivePriority())
                    .append(",\"adver_int\":").append(s.advertIntervalMicros() / 1_000_000.0)
                    .append(",\"nopreempt\":").append(s.preempt() ? 0 : 1)
                    .append(",\"state\":").append(keepalivedState(i.state()))
                    .append(",\"vips\":[");
            for (int v = 0; v < s.virtualAddresses().size(); v++) {
                VirtualAddress a = s.virtualAddresses().get(v);
                b.append(v == 0 ? "" : ",").append(quote(AddressText.of(a.address()) + "/" + a.prefixLength()));
            }
            b.append("]},\"stats\":{");
            VrrpStats st = router.stats(i.name());
            if (st != null) {
                int k = 0;
                for (Map.Entry<String, Long> e : st.snapshot().entrySet()) {
                    b.append(k++ == 0 ? "" : ",").append(quote(e.getKey())).append(':').append(e.getValue());
                }
            }
            b.append("}}");
        }
        return b.append("]\n").toString();
    }

    /** keepalived's numbering: VRRP_STATE_INIT 0, BACKUP 1, MASTER 2, FAULT 3 (STOP shows as INIT). */
    static int keepalivedState(VrrpState s) {
        return switch (s) {
            case BACKUP -> 1;
            case MASTER -> 2;
            case FAULT -> 3;
            default -> 0;
        };
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
