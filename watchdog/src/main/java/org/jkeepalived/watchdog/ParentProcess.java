package org.jkeepalived.watchdog;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jkeepalived.core.config.ConfigLoader;
import org.jkeepalived.core.config.Diagnostic;
import org.jkeepalived.core.config.KeepalivedConfig;
import org.jkeepalived.core.config.LoadOptions;
import org.jkeepalived.core.config.LoadResult;
import org.jkeepalived.core.config.Severity;
import org.jkeepalived.core.config.global.ProcessNames;
import org.jkeepalived.core.time.ThreadScheduler;
import org.jkeepalived.core.time.Timer;
import org.jkeepalived.netlink.sched.ProcessScheduling;
import org.jkeepalived.watchdog.status.ChildEndpoint;
import org.jkeepalived.watchdog.status.MetricsServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daemon's parent (keepalived's core process, ident {@code Keepalived}): reads and validates the
 * configuration, starts the VRRP and checker children the configuration needs (as separate JVMs, see
 * {@link ChildProcess}), respawns a child that dies with keepalived's back-off (unless {@code -R}), relays
 * the signals (HUP after validating the new configuration, USR1, USR2 and the JSON signal) and, on TERM or
 * INT, stops the children (waiting a bounded time), removes its pid file and exits.
 *
 * <p>All of its work runs on one event thread; signal handlers and child exits only queue work there.
 */
final class ParentProcess {
    private static final Logger LOG = LoggerFactory.getLogger("org.jkeepalived.Keepalived");
    /** How long a child may take to stop (priority 0 adverts, VIP removal) before it is killed. */
    static final long CHILD_STOP_MILLIS = 8_000;

    private final DaemonOptions options;
    private final String[] args;
    private final LoadOptions load;
    private final ThreadScheduler events = ThreadScheduler.start("watchdog");
    private final CountDownLatch done = new CountDownLatch(1);
    /** Read by the metrics server's thread too (get only), written on the event thread. */
    private final Map<ChildKind, ChildProcess> children = Collections.synchronizedMap(new EnumMap<>(ChildKind.class));
    private final Map<ChildKind, Timer> respawns = new EnumMap<>(ChildKind.class);
    private volatile KeepalivedConfig config;
    private final StatusEndpoint endpoint = new StatusEndpoint(this::endpoints);
    private PidFile pidFile;
    private boolean stopping;
    private int exitStatus = ExitStatus.OK;

    ParentProcess(DaemonOptions options, String[] args, LoadOptions load) {
        this.options = options;
        this.args = args.clone();
        this.load = load;
    }

    int run() {
        // first: a TERM during start-up must still end in a clean stop, not the JVM's exit 143
        DaemonSignals.install(this::onSignal);
        ConsoleLogging.configure("Keepalived", options);
        Path pidPath = options.pidFile != null ? options.pidFile : PidFile.DEFAULT_PARENT;
        if (PidFile.runningPid(pidPath, Path.of("/proc")) > 0) {
            LOG.info("daemon is already running");
            events.close();
            return ExitStatus.OK;
        }
        if (!options.dontFork && !Detach.isDetached()) {
            events.close();
            return Detach.detach(pidPath);
        }
        LOG.info("Starting jkeepalived v{} (keepalived 2.2 compatible)", Version.number());
        LOG.info("Command line: '{}'", String.join("' '", commandLine()));
        LOG.info("Configuration file {}", options.configFile);
        LoadResult result = ConfigLoader.load(options.configFile, load);
        logDiagnostics(result.diagnostics());
        config = result.config();
        ProcessNames.of(config.global()).parent().ifPresent(ProcessScheduling::processName);
        try {
            pidFile = PidFile.write(pidPath, ProcessHandle.current().pid());
        } catch (IOException e) {
            LOG.error("Unable to write pid file {}: {}", pidPath, e.getMessage());
        }
        events.execute(this::startChildren);
        try {
            done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        events.close();
        return exitStatus;
    }

    private void onSignal(DaemonSignals.Event event) {
        events.execute(() -> {
            switch (event) {
                case STOP -> stop();
                case RELOAD -> reload();
                case DATA -> relay(ChildCommand.DATA);
                case STATS -> relay(ChildCommand.STATS);
                case JSON -> relay(ChildCommand.JSON);
                case STATS_CLEAR -> relay(ChildCommand.STATS_CLEAR);
            }
        });
    }

    /** Whether the configuration (and -P / -C) calls for this child. */
    boolean needed(ChildKind kind, KeepalivedConfig c) {
        return switch (kind) {
            case VRRP -> !options.checkOnly && !c.vrrp().instances().isEmpty();
            case CHECKERS -> !options.vrrpOnly && !c.lvs().virtualServers().isEmpty();
        };
    }

    private void startChildren() {
        if (stopping) {
            return;
        }
        endpoint.configure(config.global().metricsListen());
        for (ChildKind kind : ChildKind.values()) {
            if (needed(kind, config)) {
                ChildProcess child = new ChildProcess(kind, command(kind), events);
                children.put(kind, child);
                start(child);
            }
        }
        if (children.isEmpty()) {
            LOG.warn("Warning - keepalived has no configuration to run");
        }
        LOG.info("Startup complete");
    }

    private List<String> command(ChildKind kind) {
        int size = switch (kind) {
            case VRRP -> config.vrrp().instances().size();
            case CHECKERS -> checks(config);
        };
        return JvmCommand.command(kind, size, fastAdverts(config), List.of(args));
    }

    /** Whether an instance advertises more often than every {@value JvmCommand#FAST_ADVERT_MILLIS} ms. */
    static boolean fastAdverts(KeepalivedConfig c) {
        return c.vrrp().instances().stream()
                .anyMatch(i -> i.advertInterval().toMillis() < JvmCommand.FAST_ADVERT_MILLIS);
    }

    /** How many checkers the checker child runs (a real server without one counts as one). */
    static int checks(KeepalivedConfig c) {
        int n = 0;
        for (var vs : c.lvs().virtualServers()) {
            for (var rs : vs.realServers()) {
                n += Math.max(1, rs.checkers().size());
            }
        }
        return n;
    }

    private void start(ChildProcess child) {
        respawns.remove(child.kind());
        if (stopping) {
            return;
        }
        try {
            CompletableFuture<Process> exit = child.start();
            Process p = child.process();
            LOG.info("Starting {} ({}), pid {}", child.kind().description(), child.kind().ident(), p.pid());
            exit.thenAccept(gone -> events.execute(() -> exited(child, gone)));
        } catch (IOException e) {
            LOG.error("Cannot start the {}: {}", child.kind().description(), e.getMessage());
            exitStatus = ExitStatus.FATAL;
            stop();
        }
    }

    private void exited(ChildProcess child, Process gone) {
        if (stopping || child.process() != gone || children.get(child.kind()) != child) {
            return;
        }
        int status = gone.exitValue();
        String name = child.kind().description() + "(" + gone.pid() + ")";
        PidFile.of(child.kind().pidFile(options), gone.pid()).remove();
        String fatal = ExitStatus.fatalReason(status);
        if (fatal != null) {
            LOG.error("{} exited due to {} (status {}): stopping", name, fatal, status);
            exitStatus = status;
            stop();
        } else if (options.dontRespawn) {
            LOG.error("{} died (status {}): respawning is off (-R), stopping", name, status);
            exitStatus = ExitStatus.FATAL;
            stop();
        } else {
            long delay = child.respawn().died();
            LOG.info("{} died (status {}): Respawning{}", name, status,
                    delay == 0 ? "" : " in " + TimeUnit.NANOSECONDS.toMillis(delay) / 1000.0 + " s");
            child.command(command(child.kind()));
            respawns.put(child.kind(), events.schedule(delay, () -> start(child)));
        }
    }

    /** SIGHUP: validates the configuration again; a broken one is reported and the running one kept. */
    private void reload() {
        if (stopping) {
            return;
        }
        LOG.info("Reloading");
        LoadResult result = ConfigLoader.load(options.configFile, load);
        List<Diagnostic> errors = result.diagnostics().stream().filter(d -> d.severity() == Severity.ERROR).toList();
        if (!errors.isEmpty()) {
            errors.forEach(d -> LOG.error("{}", d));
            LOG.error("Reload aborted: {} has {} error(s); keeping the running configuration", options.configFile,
                    errors.size());
            return;
        }
        logDiagnostics(result.diagnostics());
        config = result.config();
        endpoint.configure(config.global().metricsListen());
        for (ChildKind kind : ChildKind.values()) {
            ChildProcess child = children.get(kind);
            boolean need = needed(kind, config);
            if (child != null && need) {
                child.command(command(kind));
                child.send(ChildCommand.RELOAD);
            } else if (child == null && need) {
                ChildProcess started = new ChildProcess(kind, command(kind), events);
                children.put(kind, started);
                start(started);
            } else if (child != null) {
                LOG.info("{} no longer needed: stopping it", kind.description());
                children.remove(kind);
                cancelRespawn(kind);
                stopAndWait(List.of(child));
            }
        }
    }

    private void relay(ChildCommand c) {
        children.values().forEach(child -> child.send(c));
    }

    /** TERM/INT (or a child's fatal exit): stops the children, waiting a bounded time, then finishes. */
    private void stop() {
        if (stopping) {
            return;
        }
        stopping = true;
        LOG.info("Stopping");
        endpoint.close();
        List.copyOf(respawns.keySet()).forEach(this::cancelRespawn);
        stopAndWait(new ArrayList<>(children.values()));
        if (pidFile != null) {
            pidFile.remove();
        }
        LOG.info("Stopped jkeepalived v{}", Version.number());
        done.countDown();
    }

    private void cancelRespawn(ChildKind kind) {
        Timer t = respawns.remove(kind);
        if (t != null) {
            t.cancel();
        }
    }

    private void stopAndWait(List<ChildProcess> stopping) {
        stopping.forEach(ChildProcess::stop);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(CHILD_STOP_MILLIS);
        for (ChildProcess c : stopping) {
            Process p = c.process();
            if (p == null) {
                continue;
            }
            try {
                if (!p.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                    LOG.warn("{}({}) did not stop in time: killing it", c.kind().description(), p.pid());
                    p.destroyForcibly();
                    p.waitFor(2, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            PidFile.of(c.kind().pidFile(options), p.pid()).remove();
        }
    }

    /** The children as the metrics server reaches them (called on its thread). */
    private List<ChildEndpoint> endpoints() {
        List<ChildEndpoint> out = new ArrayList<>();
        for (ChildKind kind : ChildKind.values()) {
            out.add(new ChildEndpoint(kind == ChildKind.VRRP ? "vrrp" : "checkers", () -> needed(kind, config),
                    d -> {
                        ChildProcess c = children.get(kind);
                        return c == null ? java.util.Optional.empty() : c.query(d, MetricsServer.CHILD_TIMEOUT_MILLIS);
                    }));
        }
        return out;
    }

    private List<String> commandLine() {
        List<String> all = new ArrayList<>(List.of("jkeepalived"));
        all.addAll(List.of(args));
        return all;
    }

    static void logDiagnostics(List<Diagnostic> diagnostics) {
        for (Diagnostic d : diagnostics) {
            if (d.severity() == Severity.ERROR) {
                LOG.error("{}", d);
            } else {
                LOG.warn("{}", d);
            }
        }
    }
}
