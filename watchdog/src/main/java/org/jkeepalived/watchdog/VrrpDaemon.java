package org.jkeepalived.watchdog;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.jkeepalived.core.config.ConfigLoader;
import org.jkeepalived.core.config.Diagnostic;
import org.jkeepalived.core.config.KeepalivedConfig;
import org.jkeepalived.core.config.LoadOptions;
import org.jkeepalived.core.config.LoadResult;
import org.jkeepalived.core.config.Severity;
import org.jkeepalived.core.time.ThreadScheduler;
import org.jkeepalived.netlink.vrrp.NetlinkVrrpNetwork;
import org.jkeepalived.vrrp.router.InstancePlanner;
import org.jkeepalived.vrrp.router.VrrpRouter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * The daemon mode of {@code jkeepalived} (no -t/-v/-h/--signum): loads the configuration (logging
 * every diagnostic and running with what loaded, as keepalived does), writes the pid files, runs the
 * VRRP subsystem in this JVM until SIGTERM or SIGINT, then stops every instance (a MASTER sends
 * priority 0 and, unless -V, removes its VIPs), removes the pid files and returns 0.
 *
 * <p>Not yet here (issue 5): forking (without -n it stays in the foreground), separate VRRP and
 * checker child JVMs, syslog, reload on SIGHUP, tracked scripts and files.
 */
final class VrrpDaemon {
    private static final Logger LOG = LoggerFactory.getLogger("org.jkeepalived.Keepalived");
    /** How long the scheduler may take to stop every instance. */
    private static final long STOP_TIMEOUT_MILLIS = 5_000;

    private final DaemonOptions options;
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final List<PidFile> pidFiles = new ArrayList<>();

    VrrpDaemon(DaemonOptions options) {
        this.options = options;
    }

    int run(String[] args, LoadOptions load) {
        // first: a TERM during start-up must still end in a clean stop, not the JVM's exit 143
        installSignalHandlers();
        ConsoleLogging.configure(options.logDetail);
        LOG.info("Starting jkeepalived v{} (keepalived 2.2 compatible)", Version.number());
        LOG.info("Command line: '{}'", String.join("' '", prepend("jkeepalived", args)));
        if (!options.dontFork) {
            LOG.debug("Running in the foreground: daemonising is not implemented yet (as with -n)");
        }
        LOG.info("Configuration file {}", options.configFile);
        LoadResult result = ConfigLoader.load(options.configFile, load);
        for (Diagnostic d : result.diagnostics()) {
            if (d.severity() == Severity.ERROR) {
                LOG.error("{}", d);
            } else {
                LOG.warn("{}", d);
            }
        }
        KeepalivedConfig config = result.config();
        Path parentPid = options.pidFile != null ? options.pidFile : PidFile.DEFAULT_PARENT;
        long running = PidFile.runningPid(parentPid, Path.of("/proc"));
        if (running > 0) {
            LOG.info("daemon is already running");
            return 0;
        }
        try {
            pidFiles.add(PidFile.write(parentPid, ProcessHandle.current().pid()));
        } catch (IOException e) {
            LOG.error("Unable to write pid file {}: {}", parentPid, e.getMessage());
        }
        boolean vrrp = !options.checkOnly || options.vrrpOnly;
        if (!options.vrrpOnly && !config.lvs().virtualServers().isEmpty()) {
            LOG.warn("The health-checker subsystem is not part of this build yet: virtual_server blocks are ignored");
        }
        if (!vrrp || config.vrrp().instances().isEmpty()) {
            LOG.warn("Warning - keepalived has no configuration to run");
            awaitStop();
            LOG.info("Stopping");
            return finish();
        }
        Path vrrpPid = options.vrrpPidFile != null ? options.vrrpPidFile : PidFile.DEFAULT_VRRP;
        try {
            pidFiles.add(PidFile.write(vrrpPid, ProcessHandle.current().pid()));
        } catch (IOException e) {
            LOG.error("Unable to write pid file {}: {}", vrrpPid, e.getMessage());
        }
        return runVrrp(config);
    }

    private int runVrrp(KeepalivedConfig config) {
        ThreadScheduler scheduler = ThreadScheduler.start("vrrp-scheduler");
        NetlinkVrrpNetwork network;
        try {
            network = NetlinkVrrpNetwork.open(scheduler);
        } catch (IOException e) {
            LOG.error("Cannot open the kernel interfaces: {}", e.getMessage());
            scheduler.close();
            finish();
            return Main.EXIT_FATAL;
        }
        VrrpRouter router = null;
        try {
            InstancePlanner.Result plans = InstancePlanner.plan(config.global(), config.vrrp(), network);
            plans.problems().forEach(p -> LOG.error("{}", p));
            router = VrrpRouter.start(plans.plans(), config.vrrp().syncGroups(), scheduler, network);
            LOG.info("Startup complete");
            awaitStop();
            LOG.info("Stopping");
            VrrpRouter r = router;
            scheduler.call(() -> {
                r.stop(options.dontReleaseVrrp);
                return null;
            }, STOP_TIMEOUT_MILLIS);
        } catch (IOException e) {
            LOG.error("Cannot start the VRRP subsystem: {}", e.getMessage());
        } catch (TimeoutException | ExecutionException e) {
            LOG.error("Stopping the VRRP instances failed: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (router != null) {
                router.close();
            }
            network.close();
            scheduler.close();
        }
        return finish();
    }

    private int finish() {
        pidFiles.forEach(PidFile::remove);
        LOG.info("Stopped jkeepalived v{}", Version.number());
        return 0;
    }

    private void installSignalHandlers() {
        for (String name : List.of("TERM", "INT")) {
            Signal.handle(new Signal(name), s -> stopRequested.countDown());
        }
        // reload is issue 5; without a handler SIGHUP would kill the JVM
        Signal.handle(new Signal("HUP"), s -> LOG.warn("Reload on SIGHUP is not implemented yet; ignored"));
    }

    private void awaitStop() {
        try {
            stopRequested.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static List<String> prepend(String first, String[] rest) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(List.of(rest));
        return all;
    }
}
