package org.jkeepalived.core.status;

import java.util.List;
import java.util.Objects;

/**
 * What the health-checker subsystem reports to the metrics and status endpoint: a snapshot of every real
 * server's health and every virtual server's IPVS traffic. The checker daemon implements it; the checker child
 * renders it (Prometheus text, JSON) when the parent asks. Implementations take the snapshot on their own thread
 * and may be called from any thread.
 */
public interface CheckerStatusSource {
    /** A source with nothing to report (no virtual servers, or no checker subsystem in this build). */
    CheckerStatusSource NONE = () -> new Snapshot(List.of(), List.of());

    /** The current health and traffic figures. */
    Snapshot snapshot();

    /** One consistent set of figures. */
    record Snapshot(List<RealServerHealth> realServers, List<VirtualServerTraffic> virtualServers) {
        public Snapshot {
            realServers = List.copyOf(realServers);
            virtualServers = List.copyOf(virtualServers);
        }
    }

    /**
     * One real server of one virtual server, as its checkers see it.
     *
     * @param virtualServer       the virtual server in ipvsadm's spelling ({@code TCP 192.0.2.10:80}, {@code FWM 1})
     * @param realServer          the real server's {@code address:port} ({@code [2001:db8::1]:80} for IPv6)
     * @param up                  whether it is in the pool (every checker up, or no checker)
     * @param checkLatencyMicros  how long the last completed check took, -1 before the first
     * @param consecutiveFailures failed checks since the last success
     */
    record RealServerHealth(String virtualServer, String realServer, boolean up, long checkLatencyMicros,
                            long consecutiveFailures) {
        public RealServerHealth {
            Objects.requireNonNull(virtualServer, "virtualServer");
            Objects.requireNonNull(realServer, "realServer");
        }
    }

    /**
     * One virtual server's IPVS counters (the kernel's {@code ip_vs_stats_user}, as {@code ipvsadm -L --stats}
     * shows them): totals since the service was added.
     */
    record VirtualServerTraffic(String virtualServer, long connections, long inPackets, long outPackets,
                                long inBytes, long outBytes) {
        public VirtualServerTraffic {
            Objects.requireNonNull(virtualServer, "virtualServer");
        }
    }
}
