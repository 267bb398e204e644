package org.jkeepalived.checkers.daemon;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jkeepalived.checkers.policy.CheckLoop;
import org.jkeepalived.checkers.policy.CheckTiming;
import org.jkeepalived.checkers.policy.LvsNames;
import org.jkeepalived.checkers.policy.RealServerHealth;
import org.jkeepalived.checkers.policy.VirtualServerPool;
import org.jkeepalived.core.config.lvs.LvsArguments;
import org.jkeepalived.core.config.lvs.RealServer;
import org.jkeepalived.core.config.lvs.VirtualServer;
import org.jkeepalived.core.config.lvs.VirtualServerGroup;
import org.jkeepalived.core.config.lvs.VirtualServerTarget;
import org.jkeepalived.core.status.CheckerStatusSource.Snapshot;
import org.jkeepalived.core.status.CheckerStatusSource.VirtualServerTraffic;
import org.jkeepalived.ipvs.DesiredRules;
import org.jkeepalived.ipvs.IpvsStats;
import org.jkeepalived.ipvs.ServiceDump;
import org.jkeepalived.ipvs.ServiceKey;

/**
 * What the checker daemon tells about itself: the status snapshot (health, check latency and failures per real
 * server; IPVS counters per service) and keepalived's checker data file. Pure; called on the daemon's scheduler
 * thread with its running pools.
 */
final class CheckerReport {
    private CheckerReport() {
    }

    /**
     * The snapshot of {@code running}: a real server is named by its virtual server's single IPVS service in
     * ipvsadm's spelling ({@code TCP 192.0.2.10:80}, {@code FWM 1}), a group's by keepalived's name for it; the
     * traffic covers only {@code services} that belong to these virtual servers.
     */
    static Snapshot snapshot(List<CheckerDaemon.Running> running, List<VirtualServerGroup> groups,
                             List<ServiceDump> services) {
        List<org.jkeepalived.core.status.CheckerStatusSource.RealServerHealth> health = new ArrayList<>();
        Set<ServiceKey> ours = new HashSet<>();
        for (CheckerDaemon.Running r : running) {
            VirtualServer vs = r.pool().config();
            List<ServiceKey> keys = DesiredRules.serviceKeys(vs, groups);
            ours.addAll(keys);
            String vsName = keys.size() == 1 ? keys.get(0).toString() : LvsNames.vs(vs);
            List<RealServerHealth> servers = r.pool().servers();
            for (int i = 0; i < servers.size(); i++) {
                RealServer rs = servers.get(i).config();
                long latency = -1;
                long failures = 0;
                for (CheckLoop l : r.loops().get(i)) {
                    latency = Math.max(latency, l.lastLatencyNanos() < 0 ? -1 : l.lastLatencyNanos() / 1000);
                    failures = Math.max(failures, l.consecutiveFailures());
                }
                health.add(new org.jkeepalived.core.status.CheckerStatusSource.RealServerHealth(vsName,
                        LvsArguments.format(rs.address(), rs.port()), servers.get(i).alive(), latency, failures));
            }
        }
        List<VirtualServerTraffic> traffic = new ArrayList<>();
        for (ServiceDump d : services) {
            if (ours.contains(d.service().key())) {
                IpvsStats s = d.stats();
                traffic.add(new VirtualServerTraffic(d.service().key().toString(), s.connections(), s.inPackets(),
                        s.outPackets(), s.inBytes(), s.outBytes()));
            }
        }
        return new Snapshot(health, traffic);
    }

    /**
     * keepalived 2.2.7's {@code /tmp/keepalived_check.data} (SIGUSR1 to the checker), its LVS topology and health
     * checker sections with the fields jkeepalived has.
     */
    static String data(List<CheckerDaemon.Running> running) {
        StringBuilder b = new StringBuilder("------< LVS Topology >------\n");
        for (CheckerDaemon.Running r : running) {
            VirtualServerPool p = r.pool();
            VirtualServer vs = p.config();
            b.append(" ------< Virtual server >------\n").append(" ").append(vsHeader(vs)).append('\n')
                    .append("   lvs_sched = ").append(vs.scheduler()).append('\n')
                    .append("   protocol = ").append(vs.protocol()).append('\n')
                    .append("   alpha is ").append(onOff(vs.alpha())).append('\n')
                    .append("   omega is ").append(onOff(vs.omega())).append('\n')
                    .append("   Inhibit on failure is ").append(onOff(vs.inhibitOnFailure())).append('\n')
                    .append("   quorum = ").append(vs.quorum()).append(", hysteresis = ").append(vs.hysteresis())
                    .append('\n')
                    .append("   default forwarding method = ").append(vs.forwarding().method()).append('\n')
                    .append("   quorum_state_up = ").append(p.quorumUp() ? 1 : 0).append('\n');
            vs.sorryServer().ifPresent(s -> b.append("   sorry server = ")
                    .append(LvsNames.rs(s.address(), s.port(), vs)).append(p.sorryActive() ? " (active)" : "")
                    .append('\n'));
            for (RealServerHealth h : p.servers()) {
                RealServer rs = h.config();
                b.append("   ------< Real server >------\n")
                        .append("   RIP = ").append(LvsArguments.text(rs.address())).append(", RPORT = ")
                        .append(rs.port()).append(", WEIGHT = ").append(rs.weight()).append(" EFF WEIGHT = ")
                        .append(h.weight()).append('\n')
                        .append("   forwarding method = ").append(rs.forwarding().method()).append('\n')
                        .append("   Inhibit on failure is ").append(onOff(rs.inhibitOnFailure())).append('\n')
                        .append("   alive = ").append(h.alive() ? 1 : 0).append('\n');
            }
        }
        b.append("------< Health checkers >------\n");
        for (CheckerDaemon.Running r : running) {
            VirtualServer vs = r.pool().config();
            List<RealServerHealth> servers = r.pool().servers();
            for (int i = 0; i < servers.size(); i++) {
                RealServer rs = servers.get(i).config();
                for (int j = 0; j < r.loops().get(i).size(); j++) {
                    CheckLoop l = r.loops().get(i).get(j);
                    CheckTiming t = l.state().timing();
                    b.append(' ').append(LvsNames.vs(vs)).append(" -> ")
                            .append(LvsNames.rs(rs.address(), rs.port(), vs)).append('\n')
                            .append("   Up = ").append(yesNo(l.state().up())).append('\n')
                            .append("   Has run = ").append(yesNo(l.state().hasRun())).append('\n')
                            .append("   Alpha = ").append(yesNo(t.alpha())).append('\n')
                            .append("   Delay loop = ").append(micros(t.delayLoop())).append(" us\n")
                            .append("   Warmup = ").append(micros(t.warmup())).append(" us\n")
                            .append("   Retries = ").append(t.retry()).append('\n')
                            .append("   Delay before retry = ").append(micros(t.delayBeforeRetry())).append(" us\n")
                            .append("   Log all failures = ").append(yesNo(t.logAllFailures())).append('\n')
                            .append("   Connection timeout = ").append(micros(t.connectTimeout())).append(" us\n")
                            .append("   Consecutive failures = ").append(l.consecutiveFailures()).append('\n')
                            .append("   Keepalive method = ")
                            .append(rs.checkers().get(j).kind().toUpperCase(Locale.ROOT)).append('\n');
                }
            }
        }
        return b.toString();
    }

    private static String vsHeader(VirtualServer vs) {
        VirtualServerTarget t = vs.target();
        if (t instanceof VirtualServerTarget.Address a) {
            return "VS VIP = " + LvsArguments.text(a.address()) + ", VPORT = " + a.port();
        }
        if (t instanceof VirtualServerTarget.Fwmark f) {
            return "FWMARK = " + f.mark();
        }
        return "VS GROUP = " + ((VirtualServerTarget.Group) t).name();
    }

    private static long micros(Duration d) {
        return d.toNanos() / 1000;
    }

    private static String onOff(boolean b) {
        return b ? "ON" : "OFF";
    }

    private static String yesNo(boolean b) {
        return b ? "yes" : "no";
    }
}
