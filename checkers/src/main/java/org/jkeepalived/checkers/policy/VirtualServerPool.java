package org.jkeepalived.checkers.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.jkeepalived.core.config.lvs.RealServer;
import org.jkeepalived.core.config.lvs.SorryServer;
import org.jkeepalived.core.config.lvs.VirtualServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pool policy of one {@code virtual_server} (keepalived's ipwrapper.c): which real servers are in IPVS and at
 * what weight given their health, {@code inhibit_on_failure}, {@code quorum} with {@code hysteresis}, and the
 * {@code sorry_server} that replaces the whole pool while quorum is lost. Single-threaded and pure; it reports
 * through a {@link PoolListener}.
 */
public final class VirtualServerPool {
    private static final Logger LOG = LoggerFactory.getLogger(VirtualServerPool.class);

    private final VirtualServer vs;
    private final List<RealServerHealth> servers = new ArrayList<>();
    private final PoolListener listener;
    private boolean quorumUp = true;
    private boolean sorryActive;
    private boolean started;

    /** A pool whose real servers' checkers start as {@code initialUp[rs][checker]} (false under alpha). */
    public VirtualServerPool(VirtualServer vs, boolean[][] initialUp, PoolListener listener) {
        this.vs = Objects.requireNonNull(vs, "vs");
        this.listener = Objects.requireNonNull(listener, "listener");
        List<RealServer> rss = vs.realServers();
        if (initialUp.length != rss.size()) {
            throw new IllegalArgumentException("initialUp has " + initialUp.length + " rows for " + rss.size()
                    + " real servers");
        }
        for (int i = 0; i < rss.size(); i++) {
            servers.add(new RealServerHealth(rss.get(i), initialUp[i]));
        }
    }

    public VirtualServer config() {
        return vs;
    }

    public List<RealServerHealth> servers() {
        return List.copyOf(servers);
    }

    public boolean quorumUp() {
        return quorumUp;
    }

    public boolean sorryActive() {
        return sorryActive;
    }

    /**
     * Puts the pool in service (keepalived's init_service_vs): healthy servers are alive at once (all of them
     * unless alpha), then quorum is evaluated, which may bring in the sorry server.
     */
    public void start() {
        started = true;
        for (RealServerHealth s : servers) {
            s.alive(s.healthy());
        }
        updateQuorum(true);
        listener.destinationsChanged(this);
    }

    /** Carries the quorum state over from the pool this one replaces on reload (before {@link #start}). */
    public void inheritQuorum(boolean up) {
        quorumUp = up;
        sorryActive = !up && vs.sorryServer().isPresent();
    }

    /** A checker of real server {@code rs} went up or down. */
    public void checkerChanged(int rs, int checker, boolean up) {
        RealServerHealth s = servers.get(rs);
        s.checker(checker, up);
        if (started) {
            apply(s);
        }
    }

    /** A dynamic checker of real server {@code rs} now adds {@code delta} to its weight. */
    public void weightChanged(int rs, int checker, long delta) {
        RealServerHealth s = servers.get(rs);
        int before = s.weight();
        s.weightDelta(checker, delta);
        if (started && s.alive() && s.weight() != before) {
            LOG.info("Changing weight from {} to {} for {} service {} of VS {}", before, s.weight(),
                    "real server", LvsNames.rs(s.config().address(), s.config().port(), vs), LvsNames.vs(vs));
            updateQuorum(false);
            listener.destinationsChanged(this);
        }
    }

    private void apply(RealServerHealth s) {
        boolean healthy = s.healthy();
        if (healthy == s.alive()) {
            return;
        }
        RealServer rs = s.config();
        String verb = healthy ? (rs.inhibitOnFailure() ? "Enabling" : "Adding")
                : (rs.inhibitOnFailure() ? "Disabling" : "Removing");
        LOG.info("{} service {} {} VS {}", verb, LvsNames.rs(rs.address(), rs.port(), vs), healthy ? "to" : "from",
                LvsNames.vs(vs));
        s.alive(healthy);
        listener.realServerChanged(vs, rs, healthy);
        updateQuorum(false);
        listener.destinationsChanged(this);
    }

    /** The total weight of live real servers (keepalived's weigh_live_realservers). */
    public long liveWeight() {
        long sum = 0;
        for (RealServerHealth s : servers) {
            if (s.alive()) {
                sum += s.weight();
            }
        }
        return sum;
    }

    /** keepalived's update_quorum_state: gain at quorum + hysteresis, lose below quorum - hysteresis or at 0. */
    private void updateQuorum(boolean init) {
        long weight = liveWeight();
        long threshold = vs.quorum() + (quorumUp ? -1 : 1) * vs.hysteresis();
        String name = LvsNames.vs(vs);
        if (!quorumUp && weight >= threshold) {
            quorumUp = true;
            LOG.info("Gained quorum {}+{}={} <= {} for VS {}", vs.quorum(), vs.hysteresis(), threshold, weight, name);
            if (sorryActive) {
                SorryServer s = vs.sorryServer().orElseThrow();
                LOG.info("{} sorry server {} from VS {}", s.inhibit() ? "Disabling" : "Removing",
                        LvsNames.rs(s.address(), s.port(), vs), name);
                sorryActive = false;
            }
            listener.quorumChanged(vs, true);
        } else if ((quorumUp && (weight == 0 || weight < threshold))
                || (init && !quorumUp && vs.sorryServer().isPresent() && !sorryActive)) {
            quorumUp = false;
            LOG.info("Lost quorum {}-{}={} > {} for VS {}", vs.quorum(), vs.hysteresis(), threshold, weight, name);
            listener.quorumChanged(vs, false);
            if (vs.sorryServer().isPresent() && !sorryActive) {
                SorryServer s = vs.sorryServer().get();
                LOG.info("{} sorry server {} to VS {}", s.inhibit() ? "Enabling" : "Adding",
                        LvsNames.rs(s.address(), s.port(), vs), name);
                sorryActive = true;
            }
        }
    }

    /**
     * The destinations IPVS should hold: while the sorry server is active only it (inhibited servers stay at
     * weight 0); otherwise live servers at their weight and dead inhibited ones at weight 0; an inhibited sorry
     * server stays at weight 0 when not in use.
     */
    public List<Destination> destinations() {
        List<Destination> out = new ArrayList<>();
        for (RealServerHealth s : servers) {
            RealServer rs = s.config();
            boolean in = s.alive() && !sorryActive;
            if (in || rs.inhibitOnFailure()) {
                out.add(new Destination(rs.address(), rs.port(), in ? s.weight() : 0, rs.forwarding(),
                        rs.uThreshold(), rs.lThreshold(), false));
            }
        }
        vs.sorryServer().ifPresent(s -> {
            if (sorryActive || s.inhibit()) {
                boolean duplicate = out.stream().anyMatch(d -> d.address().equals(s.address()) && d.port() == s.port());
                if (duplicate) {
                    out.removeIf(d -> d.address().equals(s.address()) && d.port() == s.port());
                }
                out.add(new Destination(s.address(), s.port(), sorryActive ? 1 : 0, s.forwarding(), 0, 0, true));
            }
        });
        return out;
    }

    /**
     * Takes the pool out of service. With {@code omega} keepalived runs notify_down for every live server and
     * quorum_down when quorum was up.
     */
    public void stop() {
        if (!started) {
            return;
        }
        started = false;
        if (!vs.omega()) {
            return;
        }
        for (RealServerHealth s : servers) {
            if (s.alive()) {
                listener.realServerChanged(vs, s.config(), false);
            }
        }
        if (quorumUp) {
            listener.quorumChanged(vs, false);
        }
    }
}
