package org.jkeepalived.checkers.daemon;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jkeepalived.checkers.policy.CheckLoop;
import org.jkeepalived.checkers.policy.CheckTiming;
import org.jkeepalived.checkers.policy.CheckerState;
import org.jkeepalived.checkers.policy.Destination;
import org.jkeepalived.checkers.policy.LvsNames;
import org.jkeepalived.checkers.policy.PoolListener;
import org.jkeepalived.checkers.policy.VirtualServerPool;
import org.jkeepalived.checkers.probe.EchoPinger;
import org.jkeepalived.checkers.probe.EpollProbeSockets;
import org.jkeepalived.checkers.probe.IcmpPinger;
import org.jkeepalived.checkers.probe.ProbeFactory;
import org.jkeepalived.checkers.probe.ProbeReactor;
import org.jkeepalived.checkers.probe.SslContexts;
import org.jkeepalived.core.config.KeepalivedConfig;
import org.jkeepalived.core.config.ScriptCommand;
import org.jkeepalived.core.config.ScriptVerdict;
import org.jkeepalived.core.config.global.NotifyFifo;
import org.jkeepalived.core.config.lvs.RealServer;
import org.jkeepalived.core.config.lvs.VirtualServer;
import org.jkeepalived.core.config.lvs.check.Checker;
import org.jkeepalived.core.config.lvs.check.PingCheck;
import org.jkeepalived.core.config.vrrp.VrrpTrackFile;
import org.jkeepalived.core.status.CheckerStatusSource;
import org.jkeepalived.core.time.Scheduler;
import org.jkeepalived.core.time.ThreadScheduler;
import org.jkeepalived.ipvs.DesiredRules;
import org.jkeepalived.ipvs.IpvsRules;
import org.jkeepalived.ipvs.IpvsTable;
import org.jkeepalived.ipvs.ServiceDump;
import org.jkeepalived.ipvs.TableKeeper;
import org.jkeepalived.ipvs.VirtualService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The health-checker subsystem, as the checker child runs it: one {@link VirtualServerPool} per virtual server,
 * one {@link CheckLoop} per checker, probes on one selector thread, and the IPVS table kept in step with the
 * pools' wishes through a {@link TableKeeper}. All logic runs on the scheduler's thread; the public methods may be
 * called from any thread. As a {@link CheckerStatusSource} it reports each real server's health with its checks'
 * latency and failures, and each virtual server's IPVS counters (one service dump on the scheduler's thread, so
 * the table is never used by two threads at once).
 */
public final class CheckerDaemon implements CheckerStatusSource {
    private static final Logger LOG = LoggerFactory.getLogger(CheckerDaemon.class);
    private static final com.sun.security.auth.module.UnixSystem US = new com.sun.security.auth.module.UnixSystem();
    private static final int OUR_UID = (int) US.getUid();
    private static final int OUR_GID = (int) US.getGid();

    private final Scheduler scheduler;
    private final CheckerOptions options;
    private final IpvsTable table;
    private final TableKeeper keeper;
    private final Random random;
    private final ExecutorService launcher;
    private ProbeReactor reactor;
    private Notifier notifier;
    private IcmpPinger ownPinger;
    private EpollProbeSockets ownSockets;
    private KeepalivedConfig config;
    private final List<Running> running = new ArrayList<>();
    private boolean syncPending;
    private boolean stopped;

    /** One virtual server in service: its pool and its loops (by real server, then checker). */
    record Running(VirtualServerPool pool, List<List<CheckLoop>> loops) {
    }

    private CheckerDaemon(Scheduler scheduler, CheckerOptions options, IpvsTable table) {
        this.scheduler = scheduler;
        this.options = options;
        this.table = table;
        this.keeper = new TableKeeper(table);
        this.random = new Random(options.warmupSeed());
        this.launcher = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "checker-scripts");
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts checking every virtual server of {@code config} and programs IPVS for them. */
    public static CheckerDaemon start(KeepalivedConfig config, CheckerOptions options, IpvsTable table,
                                      Scheduler scheduler) {
        CheckerDaemon d = new CheckerDaemon(scheduler, options, table);
        d.onScheduler(() -> d.begin(config));
        return d;
    }

    private void begin(KeepalivedConfig c) {
        if (options.probes().isEmpty()) {
            reactor = ProbeReactor.start("checker-probes");
        }
        notifier = notifier(c, Set.of());
        install(c, Map.of());
    }

    /** Replaces the configuration; servers and checkers that stay keep their state, unchanged rules stay put. */
    public void reload(KeepalivedConfig c) {
        onScheduler(() -> {
            if (stopped) {
                return;
            }
            Map<String, Running> old = new HashMap<>();
            for (Running r : running) {
                old.put(identity(r.pool().config()), r);
                r.loops().forEach(l -> l.forEach(CheckLoop::stop));
            }
            running.clear();
            // a FIFO the new configuration still names stays in place, so its reader keeps reading
            Set<Path> kept = fifos(c).stream().map(f -> Path.of(f.name())).collect(Collectors.toSet());
            notifier.close(kept);
            notifier = notifier(c, notifier.created());
            install(c, old);
        });
    }

    /** Stops checking; removes this daemon's IPVS rules unless {@code keepIpvs} (-I); runs omega notifies. */
    public void stop(boolean keepIpvs) {
        onScheduler(() -> {
            if (stopped) {
                return;
            }
            stopped = true;
            for (Running r : running) {
                r.loops().forEach(l -> l.forEach(CheckLoop::stop));
                r.pool().stop();
                if (!keepIpvs) {
                    logShutdown(r.pool());
                }
            }
            try {
                keeper.stop(keepIpvs);
            } catch (IOException e) {
                LOG.warn("cannot remove IPVS rules: {}", e.getMessage());
            }
            if (ownPinger != null) {
                ownPinger.close();
            }
            if (reactor != null) {
                reactor.close();
            }
            if (ownSockets != null) {
                // after the reactor, whose last act is closing the connections still watched here
                ownSockets.close();
            }
            notifier.close();
        });
        launcher.shutdown();
    }

    /** keepalived's line for every real server of a pool whose rules a stop removes (checked against 2.2.7). */
    private static void logShutdown(VirtualServerPool pool) {
        VirtualServer vs = pool.config();
        for (org.jkeepalived.checkers.policy.RealServerHealth h : pool.servers()) {
            RealServer rs = h.config();
            LOG.info("Shutting down {}service {} from VS {}", rs.inhibitOnFailure() && !h.alive() ? "(inhibited) " : "",
                    LvsNames.rs(rs.address(), rs.port(), vs), LvsNames.vs(vs));
        }
    }

    @Override
    public Snapshot snapshot() {
        Snapshot[] out = new Snapshot[1];
        onScheduler(() -> out[0] = CheckerReport.snapshot(running, config == null ? List.of() : config.lvs().groups(),
                stopped ? List.of() : services()));
        return out[0] != null ? out[0] : new Snapshot(List.of(), List.of());
    }

    /** The kernel's services (with counters); empty (logged at debug) when the table cannot be read. */
    private List<ServiceDump> services() {
        try {
            return table.services();
        } catch (IOException | RuntimeException e) {
            LOG.debug("cannot read the IPVS services: {}", e.toString());
            return List.of();
        }
    }

    /** keepalived's checker data file ({@code /tmp/keepalived_check.data}, SIGUSR1): topology and checkers. */
    public String dataDump() {
        String[] out = new String[1];
        onScheduler(() -> out[0] = CheckerReport.data(running));
        return out[0] != null ? out[0] : "";
    }

    /** The rules the pools want now (computed on the scheduler's thread). */
    public IpvsRules desired() {
        IpvsRules[] out = new IpvsRules[1];
        onScheduler(() -> out[0] = rules());
        return out[0];
    }

    private IpvsRules rules() {
        List<VirtualService> out = new ArrayList<>();
        for (Running r : running) {
            VirtualServerPool p = r.pool();
            List<org.jkeepalived.ipvs.Destination> ds = new ArrayList<>();
            for (Destination d : p.destinations()) {
                ds.add(new org.jkeepalived.ipvs.Destination(d.address(), d.port(), d.forwarding(), d.weight(),
                        d.uThreshold(), d.lThreshold()));
            }
            out.addAll(DesiredRules.virtualServices(p.config(), config.lvs().groups(), ds));
        }
        return IpvsRules.of(out);
    }

    /** The pools in service (for tests and status dumps; read them on the scheduler's thread). */
    public List<VirtualServerPool> pools() {
        return running.stream().map(Running::pool).toList();
    }

    private void install(KeepalivedConfig written, Map<String, Running> old) {
        MiscScripts.Vetted vetted = MiscScripts.vet(written, verdicts(written), OUR_UID, OUR_GID, LOG::info);
        KeepalivedConfig c = vetted.config();
        config = c;
        Map<String, VrrpTrackFile> trackFiles = c.vrrp().trackFiles().stream()
                .collect(Collectors.toMap(VrrpTrackFile::name, t -> t, (a, b) -> b));
        CheckerOptions.ProbeSource probes = options.probes().orElseGet(() -> {
            openSockets(c);
            ProbeFactory f = new ProbeFactory(reactor, launcher, SslContexts.create(c.lvs().ssl()), trackFiles,
                    options.pinger().or(() -> pinger(c)), m -> vetted.argv().getOrDefault(m, m.script().words()));
            return f::create;
        });
        PoolListener listener = notifier.listener(new PoolListener() {
            @Override
            public void realServerChanged(VirtualServer vs, RealServer rs, boolean up) {
                // the notifier did the work
            }

            @Override
            public void quorumChanged(VirtualServer vs, boolean up) {
                // the notifier did the work
            }

            @Override
            public void destinationsChanged(VirtualServerPool pool) {
                requestSync();
            }
        });
        for (VirtualServer vs : c.lvs().virtualServers()) {
            Running before = old.get(identity(vs));
            List<List<CheckerState>> states = new ArrayList<>();
            boolean[][] initialUp = new boolean[vs.realServers().size()][];
            for (int i = 0; i < vs.realServers().size(); i++) {
                RealServer rs = vs.realServers().get(i);
                List<CheckerState> row = new ArrayList<>();
                int oldIndex = before == null ? -1 : oldIndex(before, rs);
                for (int j = 0; j < rs.checkers().size(); j++) {
                    Checker ch = rs.checkers().get(j);
                    CheckerState s = new CheckerState(CheckTiming.of(ch));
                    if (oldIndex >= 0) {
                        List<Checker> was = before.pool().config().realServers().get(oldIndex).checkers();
                        if (j < was.size() && was.get(j).kind().equals(ch.kind())
                                && was.get(j).common().equals(ch.common())) {
                            s.inherit(before.loops().get(oldIndex).get(j).state());
                        }
                    }
                    row.add(s);
                }
                states.add(row);
                initialUp[i] = new boolean[row.size()];
                for (int j = 0; j < row.size(); j++) {
                    initialUp[i][j] = row.get(j).up();
                }
            }
            VirtualServerPool pool = new VirtualServerPool(vs, initialUp, listener);
            if (before != null) {
                pool.inheritQuorum(before.pool().quorumUp());
            }
            List<List<CheckLoop>> loops = new ArrayList<>();
            for (int i = 0; i < vs.realServers().size(); i++) {
                RealServer rs = vs.realServers().get(i);
                List<CheckLoop> row = new ArrayList<>();
                for (int j = 0; j < rs.checkers().size(); j++) {
                    Checker ch = rs.checkers().get(j);
                    String what = ch.kind() + " on service " + LvsNames.rs(rs.address(), rs.port(), vs);
                    if (j == 0 && (before == null || oldIndex(before, rs) < 0)) {
                        LOG.info("Activating healthchecker for service {} for VS {}",
                                LvsNames.rs(rs.address(), rs.port(), vs), LvsNames.vs(vs));
                    }
                    row.add(new CheckLoop(scheduler, states.get(i).get(j), probes.probe(ch, vs, rs), pool, i, j,
                            what));
                }
                loops.add(row);
            }
            running.add(new Running(pool, loops));
            pool.start();
            loops.forEach(row -> row.forEach(l -> l.start(random)));
        }
        for (Map.Entry<String, Running> e : old.entrySet()) {
            if (c.lvs().virtualServers().stream().noneMatch(vs -> identity(vs).equals(e.getKey()))) {
                LOG.info("Removing Virtual Server {}", LvsNames.vs(e.getValue().pool().config()));
            }
        }
        requestSync();
    }

    /** Who runs each script: the host decides when the options carry it, else every script runs as we do. */
    private Function<ScriptCommand, ScriptVerdict> verdicts(KeepalivedConfig c) {
        return options.files().<Function<ScriptCommand, ScriptVerdict>>map(f -> s -> ScriptVerdict.of(s, c.global(), f))
                .orElse(s -> new ScriptVerdict(true, OUR_UID, OUR_GID, s.program().startsWith("<"), ""));
    }

    /** The raw ICMP socket, opened the first time a configuration has a PING_CHECK. */
    private Optional<EchoPinger> pinger(KeepalivedConfig c) {
        boolean wanted = c.lvs().virtualServers().stream().flatMap(vs -> vs.realServers().stream())
                .flatMap(rs -> rs.checkers().stream()).anyMatch(ch -> ch instanceof PingCheck);
        if (wanted && ownPinger == null) {
            ownPinger = IcmpPinger.open(reactor).orElse(null);
        }
        return Optional.ofNullable(ownPinger);
    }

    /** The native sockets for bind_if and fwmark, started the first time a configuration uses either. */
    private void openSockets(KeepalivedConfig c) {
        boolean wanted = c.lvs().virtualServers().stream().flatMap(vs -> vs.realServers().stream())
                .flatMap(rs -> rs.checkers().stream())
                .anyMatch(ch -> ch.common().bindIf().isPresent()
                        || ch.common().fwmark().isPresent() && ch.common().fwmark().getAsLong() != 0);
        if (wanted && ownSockets == null) {
            ownSockets = EpollProbeSockets.open().orElse(null);
            if (ownSockets != null) {
                reactor.useSockets(ownSockets);
            }
        }
    }

    private static int oldIndex(Running before, RealServer rs) {
        List<RealServer> rss = before.pool().config().realServers();
        for (int i = 0; i < rss.size(); i++) {
            if (rss.get(i).address().equals(rs.address()) && rss.get(i).port() == rs.port()) {
                return i;
            }
        }
        return -1;
    }

    /** What makes a virtual server "the same" across a reload: its target and protocol. */
    private static String identity(VirtualServer vs) {
        return vs.target() + "/" + vs.protocol();
    }

    /** FIFOs owned as the VRRP side owns them: by the FIFO's user/group, else as scripts run. */
    private Notifier notifier(KeepalivedConfig c, Set<Path> createdEarlier) {
        return new Notifier(launcher, fifos(c), f -> options.files()
                .flatMap(h -> ScriptVerdict.owner(f.user(), f.group(), c.global(), h)), createdEarlier);
    }

    private static List<NotifyFifo> fifos(KeepalivedConfig c) {
        List<NotifyFifo> out = new ArrayList<>();
        c.global().notifyFifo().ifPresent(out::add);
        c.global().lvsNotifyFifo().ifPresent(out::add);
        return out;
    }

    private void requestSync() {
        if (!syncPending) {
            syncPending = true;
            scheduler.execute(this::sync);
        }
    }

    private void sync() {
        syncPending = false;
        if (stopped) {
            return;
        }
        try {
            keeper.sync(rules());
        } catch (IOException | RuntimeException e) {
            LOG.warn("cannot program IPVS: {}", e.toString());
        }
    }

    private void onScheduler(Runnable work) {
        if (scheduler instanceof ThreadScheduler t && !t.inSchedulerThread()) {
            try {
                t.call(() -> {
                    work.run();
                    return null;
                }, 30_000);
            } catch (ExecutionException e) {
                throw new IllegalStateException("checker task failed", e.getCause());
            } catch (TimeoutException e) {
                throw new IllegalStateException("checker scheduler did not answer in 30 s", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        } else {
            work.run();
        }
    }
}
