package org.jkeepalived.watchdog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jkeepalived.checkers.daemon.CheckerDaemon;
import org.jkeepalived.checkers.daemon.CheckerOptions;
import org.jkeepalived.core.config.ConfigLoader;
import org.jkeepalived.core.config.LoadOptions;
import org.jkeepalived.core.config.LoadResult;
import org.jkeepalived.core.config.global.GlobalDefs;
import org.jkeepalived.core.config.global.ProcessNames;
import org.jkeepalived.core.time.ThreadScheduler;
import org.jkeepalived.ipvs.IpvsException;
import org.jkeepalived.ipvs.genl.GenlIpvsTable;
import org.jkeepalived.netlink.sched.TimingThreads;
import org.jkeepalived.watchdog.status.ChildDocuments;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entry point of the health-checker child JVM (keepalived's checker child, ident {@code Keepalived_healthcheckers}),
 * started by {@link ParentProcess} with the daemon's own command line. Opens the kernel's IPVS table, runs the
 * configuration's virtual servers in a {@link CheckerDaemon} until told to stop (a STOP command, end of file from
 * the parent, SIGTERM/SIGINT), then removes its IPVS rules unless {@code -I}. Reloads on RELOAD/SIGHUP (unchanged
 * rules stay untouched), writes {@value #DATA} on DATA (SIGUSR1) and answers the parent's status queries from
 * the daemon ({@link ChildDocuments#checkers}).
 *
 * <p>Without IPVS in the kernel (no ip_vs module) it logs keepalived's {@code IPVS: Can't initialize ipvs: ...}
 * and exits {@link ExitStatus#FATAL}: the parent stops the daemon, as keepalived's does on the checker's FATAL.
 */
public final class CheckerChild {
    private static final Logger LOG = LoggerFactory.getLogger("org.jkeepalived.Keepalived");
    /** keepalived 2.2.7's checker data file (its checker writes neither a stats nor a JSON file). */
    static final String DATA = "/tmp/keepalived_check.data";

    private final DaemonOptions options;
    private final LoadOptions load;
    private CheckerDaemon daemon;
    private TimingThreads timing = TimingThreads.normal();

    private CheckerChild(DaemonOptions options) {
        this.options = options;
        this.load = Main.loadOptions(options, HostView.system());
    }

    public static void main(String[] args) {
        DaemonOptions o = VrrpChild.options(args);
        ConsoleLogging.configure(ChildKind.CHECKERS.ident(), o);
        System.exit(new CheckerChild(o).run());
    }

    private int run() {
        ChildInbox inbox = ChildInbox.open(System.in);
        long pid = ProcessHandle.current().pid();
        LOG.info("Starting Healthcheck child process, pid={}", pid);
        if (!Files.isReadable(options.configFile)) {
            LOG.error("Configuration file {} cannot be read", options.configFile);
            return ExitStatus.CONFIG;
        }
        PidFile pidFile = VrrpChild.writePid(ChildKind.CHECKERS.pidFile(options), pid);
        int status = ExitStatus.OK;
        ThreadScheduler scheduler = null;
        GenlIpvsTable table = null;
        try {
            LOG.info("Initializing ipvs");
            table = KernelIpvs.open();
            LoadResult loaded = ConfigLoader.load(options.configFile, load);
            GlobalDefs global = loaded.config().global();
            // before the threads that should inherit nice value and CPU affinity start
            timing = ChildScheduling.apply(global, "checker", ProcessNames.of(global).checker());
            scheduler = ThreadScheduler.start("checker-scheduler");
            // the warmup scatter differs from one start to the next, as keepalived's random delays do
            // MISC_CHECK scripts are vetted against the host's files and users, as keepalived's checker does
            CheckerOptions checkerOptions = CheckerOptions.defaults().withSeed(System.nanoTime());
            checkerOptions = load.files().map(checkerOptions::withFiles).orElse(checkerOptions);
            daemon = CheckerDaemon.start(loaded.config(), checkerOptions, table, scheduler);
            ChildScheduling.join(scheduler, timing, global, "checker");
            inbox.answering(d -> ChildDocuments.checkers(d, daemon));
            serve(inbox);
            LOG.info("Stopping");
            daemon.stop(options.dontReleaseIpvs);
        } catch (IpvsException e) {
            LOG.error("IPVS: Can't initialize ipvs: {}", KernelIpvs.strerror(e.errno()));
            LOG.debug("{}", e.getMessage());
            status = ExitStatus.FATAL;
        } catch (IOException | RuntimeException e) {
            LOG.error("The health-checker subsystem failed: {}", e.toString());
            status = ExitStatus.FATAL;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (scheduler != null) {
                scheduler.close();
            }
            if (table != null) {
                table.close();
            }
            if (pidFile != null) {
                pidFile.remove();
            }
            LOG.info("Stopped");
        }
        return status;
    }

    private void serve(ChildInbox inbox) throws InterruptedException {
        for (ChildCommand c = inbox.take(); c != ChildCommand.STOP; c = inbox.take()) {
            try {
                switch (c) {
                    case RELOAD -> reload();
                    case DATA -> {
                        LOG.info("Printing checker data for process({}) on signal", ProcessHandle.current().pid());
                        Files.writeString(Path.of(DATA), daemon.dataDump());
                    }
                    // keepalived's checker has no stats or JSON file: those come from the VRRP child only
                    case STATS, JSON -> LOG.debug("{}: nothing to write for the checkers", c);
                    default -> { }
                }
            } catch (IOException | RuntimeException e) {
                LOG.error("{} failed: {}", c, e.toString());
            }
        }
    }

    /** Re-reads the configuration the parent validated and applies only what changed. */
    private void reload() {
        LOG.info("Reloading");
        LoadResult result = ConfigLoader.load(options.configFile, load);
        if (result.hasErrors()) {
            // the file changed again after the parent checked it: keep running as we are
            LOG.error("Reload aborted: {} has errors", options.configFile);
            return;
        }
        daemon.reload(result.config());
        LOG.info("Reload finished");
    }
}
