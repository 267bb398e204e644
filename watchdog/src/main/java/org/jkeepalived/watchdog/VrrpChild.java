package org.jkeepalived.watchdog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.jkeepalived.core.config.ConfigLoader;
import org.jkeepalived.core.config.KeepalivedConfig;
import org.jkeepalived.core.config.LoadOptions;
import org.jkeepalived.core.config.LoadResult;
import org.jkeepalived.core.config.global.ProcessNames;
import org.jkeepalived.core.time.ThreadScheduler;
import org.jkeepalived.netlink.sched.TimingThreads;
import org.jkeepalived.netlink.vrrp.NetlinkVrrpNetwork;
import org.jkeepalived.vrrp.notify.VrrpScripting;
import org.jkeepalived.vrrp.packet.VrrpStats;
import org.jkeepalived.vrrp.router.InstancePlanner;
import org.jkeepalived.vrrp.router.VrrpRouter;
import org.jkeepalived.watchdog.status.ChildDocuments;
import org.jkeepalived.watchdog.status.InstanceView;
import org.jkeepalived.watchdog.status.StatusDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * Entry point of the VRRP child JVM (keepalived's VRRP child, ident {@code Keepalived_vrrp}), started by
 * {@link ParentProcess} with the daemon's own command line. Runs the configuration's VRRP instances
 * until told to stop (a STOP command, end of file from the parent, SIGTERM/SIGINT), then stops every
 * instance (a MASTER sends priority 0 and, unless -V, removes its VIPs). Reloads on RELOAD/SIGHUP (tracking
 * and notifications follow the new configuration), writes the data, stats and JSON files and clears the
 * statistics on request.
 */
public final class VrrpChild {
    private static final Logger LOG = LoggerFactory.getLogger("org.jkeepalived.Keepalived");
    /** How long the scheduler may take to stop or reload every instance. */
    private static final long CALL_TIMEOUT_MILLIS = 5_000;
    /** How long the STOP notifications (scripts, FIFO lines, mail) may take before what runs is killed. */
    private static final Duration NOTIFY_GRACE = Duration.ofSeconds(2);

    private final DaemonOptions options;
    private final LoadOptions load;
    private ThreadScheduler scheduler;
    private TimingThreads timing;
    private NetlinkVrrpNetwork network;
    private VrrpRouter router;
    private VrrpScripting scripting;

    private VrrpChild(DaemonOptions options) {
        this.options = options;
        this.load = Main.loadOptions(options, HostView.system());
    }

    public static void main(String[] args) {
        DaemonOptions o = options(args);
        ConsoleLogging.configure(ChildKind.VRRP.ident(), o);
        System.exit(new VrrpChild(o).run());
    }

    static DaemonOptions options(String[] args) {
        DaemonOptions o = new DaemonOptions();
        new CommandLine(o).parseArgs(args);
        return o;
    }

    /** Writes a child's pid file; null (logged) when it cannot. */
    static PidFile writePid(Path path, long pid) {
        try {
            return PidFile.write(path, pid);
        } catch (IOException e) {
            LOG.error("Unable to write pid file {}: {}", path, e.getMessage());
            return null;
        }
    }

    private int run() {
        ChildInbox inbox = ChildInbox.open(System.in);
        long pid = ProcessHandle.current().pid();
        LOG.info("Starting VRRP child process, pid={}", pid);
        if (!Files.isReadable(options.configFile)) {
            LOG.error("Configuration file {} cannot be read", options.configFile);
            return ExitStatus.CONFIG;
        }
        String missing = Capabilities.missingForVrrp(Path.of("/proc/self/status"));
        if (missing != null) {
            LOG.error("The VRRP subsystem needs {} (run as root)", missing);
            return ExitStatus.PERMISSION;
        }
        PidFile pidFile = writePid(ChildKind.VRRP.pidFile(options), pid);
        int status = ExitStatus.OK;
        KeepalivedConfig config = ConfigLoader.load(options.configFile, load).config();
        // before the threads that should inherit nice value and CPU affinity start
        timing = ChildScheduling.apply(config.global(), "vrrp", ProcessNames.of(config.global()).vrrp());
        AllocationPressure.startIfAsked();
        scheduler = ThreadScheduler.start("vrrp-scheduler");
        try {
            network = NetlinkVrrpNetwork.open(scheduler, timing);
            InstancePlanner.Result plans = InstancePlanner.plan(config.global(), config.vrrp(), network);
            plans.problems().forEach(p -> LOG.error("{}", p));
            scripting = VrrpScripting.open(config.global(), config.vrrp(), load.files(), scheduler);
            router = VrrpRouter.start(plans.plans(), config.vrrp().syncGroups(), scheduler, network,
                    scripting::beforeStart);
            ChildScheduling.join(scheduler, timing, config.global(), "vrrp");
            inbox.answering(this::answer);
            serve(inbox);
            LOG.info("Stopping");
            scheduler.call(() -> {
                scripting.stopTracking();
                router.stop(options.dontReleaseVrrp);
                return null;
            }, CALL_TIMEOUT_MILLIS);
        } catch (IOException e) {
            LOG.error("Cannot start the VRRP subsystem: {}", e.getMessage());
            status = ExitStatus.FATAL;
        } catch (TimeoutException | ExecutionException e) {
            LOG.error("Stopping the VRRP instances failed: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (router != null) {
                router.close();
            }
            if (scripting != null) {
                scripting.close(NOTIFY_GRACE);
            }
            if (network != null) {
                network.close();
            }
            scheduler.close();
            if (pidFile != null) {
                pidFile.remove();
            }
        }
        LOG.info("Stopped");
        return status;
    }

    private void serve(ChildInbox inbox) throws InterruptedException {
        for (ChildCommand c = inbox.take(); c != ChildCommand.STOP; c = inbox.take()) {
            try {
                switch (c) {
                    case RELOAD -> reload();
                    case DATA -> write(VrrpDumps.DATA_FILE, () -> VrrpDumps.data(router));
                    case STATS -> write(VrrpDumps.STATS_FILE, () -> VrrpDumps.stats(router));
                    case JSON -> write(VrrpDumps.JSON_FILE, () -> VrrpDumps.json(router));
                    case STATS_CLEAR -> clearStats();
                    default -> { }
                }
            } catch (TimeoutException | ExecutionException | IOException e) {
                LOG.error("{} failed: {}", c, e.toString());
            }
        }
    }

    /** Answers the parent's status query from the running router, on the scheduler thread. */
    private String answer(StatusDocument d) {
        try {
            return scheduler.call(() -> ChildDocuments.vrrp(d, InstanceView.of(router), scheduler.nanoTime(),
                    Instant.now()), CALL_TIMEOUT_MILLIS);
        } catch (TimeoutException | ExecutionException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Re-reads the configuration the parent validated and applies it to the running router. */
    private void reload() throws TimeoutException, ExecutionException, InterruptedException {
        LOG.info("Reloading");
        LoadResult result = ConfigLoader.load(options.configFile, load);
        if (result.hasErrors()) {
            // the file changed again after the parent checked it: keep running as we are
            LOG.error("Reload aborted: {} has errors", options.configFile);
            return;
        }
        KeepalivedConfig config = result.config();
        InstancePlanner.Result plans = InstancePlanner.plan(config.global(), config.vrrp(), network);
        plans.problems().forEach(p -> LOG.error("{}", p));
        // a reload of many instances is bulk work: under SCHED_OTHER, not against RLIMIT_RTTIME
        scheduler.call(() -> {
            timing.runNormal(() -> router.reload(plans.plans(), config.vrrp().syncGroups(),
                    r -> scripting.reloaded(config.global(), config.vrrp(), r)));
            return null;
        }, CALL_TIMEOUT_MILLIS);
    }

    /** Sets every instance's statistics back to zero (keepalived's STATS_CLEAR). */
    private void clearStats() throws TimeoutException, ExecutionException, InterruptedException {
        scheduler.call(() -> {
            router.instances().forEach(i -> {
                VrrpStats s = router.stats(i.name());
                if (s != null) {
                    s.reset();
                }
            });
            return null;
        }, CALL_TIMEOUT_MILLIS);
        LOG.info("Cleared the VRRP statistics");
    }

    private void write(Path file, java.util.concurrent.Callable<String> text)
            throws IOException, TimeoutException, ExecutionException, InterruptedException {
        Files.writeString(file, scheduler.call(text, CALL_TIMEOUT_MILLIS));
        LOG.info("Wrote {}", file);
    }
}
