package org.jkeepalived.watchdog.status;

import java.util.ArrayList;
import java.util.List;
import org.jkeepalived.core.status.CheckerStatusSource.RealServerHealth;
import org.jkeepalived.core.status.CheckerStatusSource.Snapshot;
import org.jkeepalived.core.status.CheckerStatusSource.VirtualServerTraffic;
import org.jkeepalived.ipvs.IpvsStats;
import org.jkeepalived.ipvs.ServiceDump;
import org.jkeepalived.watchdog.status.Exposition.Type;

/**
 * The checker child's metric families and JSON (names in docs/metrics.md): per real server its health, last check
 * latency and consecutive failures; per virtual server its IPVS connections, packets and bytes.
 */
public final class CheckerMetrics {
    static final String RS = "jkeepalived_real_server_";
    static final String VS = "jkeepalived_virtual_server_";

    private CheckerMetrics() {
    }

    /** Adds the families of {@code s} to {@code out}. */
    public static void render(Snapshot s, Exposition out) {
        out.family(RS + "up", Type.GAUGE, "1 when the real server is in its virtual server's pool.")
                .family(RS + "check_latency_seconds", Type.GAUGE, "How long the last completed check took.")
                .family(RS + "consecutive_failures", Type.GAUGE, "Failed checks since the last success.")
                .family(VS + "connections_total", Type.COUNTER, "Connections IPVS scheduled for the service.")
                .family(VS + "packets_total", Type.COUNTER, "Packets through the service, by direction.")
                .family(VS + "bytes_total", Type.COUNTER, "Bytes through the service, by direction.");
        for (RealServerHealth r : s.realServers()) {
            String[] l = {"virtual_server", r.virtualServer(), "real_server", r.realServer()};
            out.sample(RS + "up", r.up() ? 1 : 0, l);
            if (r.checkLatencyMicros() >= 0) {
                out.sample(RS + "check_latency_seconds", r.checkLatencyMicros() / 1e6, l);
            }
            out.sample(RS + "consecutive_failures", r.consecutiveFailures(), l);
        }
        for (VirtualServerTraffic v : s.virtualServers()) {
            String vs = v.virtualServer();
            out.sample(VS + "connections_total", v.connections(), "virtual_server", vs);
            out.sample(VS + "packets_total", v.inPackets(), "virtual_server", vs, "direction", "in");
            out.sample(VS + "packets_total", v.outPackets(), "virtual_server", vs, "direction", "out");
            out.sample(VS + "bytes_total", v.inBytes(), "virtual_server", vs, "direction", "in");
            out.sample(VS + "bytes_total", v.outBytes(), "virtual_server", vs, "direction", "out");
        }
    }

    /** The snapshot as a JSON object of two arrays. */
    public static String json(Snapshot s) {
        StringBuilder b = new StringBuilder("{\"real_servers\":[");
        for (int i = 0; i < s.realServers().size(); i++) {
            RealServerHealth r = s.realServers().get(i);
            b.append(i == 0 ? "" : ",").append("{\"virtual_server\":").append(Json.quote(r.virtualServer()))
                    .append(",\"real_server\":").append(Json.quote(r.realServer()))
                    .append(",\"up\":").append(r.up())
                    .append(",\"check_latency_us\":").append(r.checkLatencyMicros())
                    .append(",\"consecutive_failures\":").append(r.consecutiveFailures()).append('}');
        }
        b.append("],\"virtual_servers\":[");
        for (int i = 0; i < s.virtualServers().size(); i++) {
            VirtualServerTraffic v = s.virtualServers().get(i);
            b.append(i == 0 ? "" : ",").append("{\"virtual_server\":").append(Json.quote(v.virtualServer()))
                    .append(",\"connections\":").append(v.connections())
                    .append(",\"in_packets\":").append(v.inPackets())
                    .append(",\"out_packets\":").append(v.outPackets())
                    .append(",\"in_bytes\":").append(v.inBytes())
                    .append(",\"out_bytes\":").append(v.outBytes()).append('}');
        }
        return b.append("]}").toString();
    }

    /** The traffic figures of an IPVS dump ({@code IpvsTable.dump()}), one per service in ipvsadm's spelling. */
    public static List<VirtualServerTraffic> traffic(List<ServiceDump> dump) {
        List<VirtualServerTraffic> out = new ArrayList<>(dump.size());
        for (ServiceDump d : dump) {
            IpvsStats st = d.stats();
            out.add(new VirtualServerTraffic(d.service().key().toString(), st.connections(), st.inPackets(),
                    st.outPackets(), st.inBytes(), st.outBytes()));
        }
        return out;
    }
}
