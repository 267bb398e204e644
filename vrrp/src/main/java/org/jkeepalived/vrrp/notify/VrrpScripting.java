package org.jkeepalived.vrrp.notify;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import org.jkeepalived.core.config.HostFiles;
import org.jkeepalived.core.config.ScriptCommand;
import org.jkeepalived.core.config.ScriptVerdict;
import org.jkeepalived.core.config.global.GlobalDefs;
import org.jkeepalived.core.config.vrrp.VrrpConfig;
import org.jkeepalived.core.time.Scheduler;
import org.jkeepalived.vrrp.router.VrrpRouter;
import org.jkeepalived.vrrp.track.ProcessScriptRunner;
import org.jkeepalived.vrrp.track.ScriptRunner;
import org.jkeepalived.vrrp.track.VrrpTracking;

/**
 * Everything around the VRRP instances that runs scripts or talks to the outside: tracked scripts and files
 * ({@link VrrpTracking}) and notifications ({@link Notifier}), sharing one {@link ProcessScriptRunner}. The
 * VRRP daemon opens it before the router, hands {@link #beforeStart} to
 * {@link VrrpRouter#start(java.util.List, java.util.List, Scheduler, org.jkeepalived.vrrp.router.VrrpNetwork,
 * java.util.function.Consumer)}, and closes it after the instances stopped.
 */
public final class VrrpScripting implements AutoCloseable {
    private final VrrpConfig vrrp;
    private final Scheduler scheduler;
    private final ScriptRunner runner;
    private final ProcessScriptRunner ownRunner;
    private final Function<ScriptCommand, ScriptVerdict> verdicts;
    private final int uid;
    private final int gid;
    private final Notifier notifier;
    private volatile VrrpTracking tracking;

    private VrrpScripting(GlobalDefs global, VrrpConfig vrrp, Scheduler scheduler, ScriptRunner runner,
                          ProcessScriptRunner ownRunner, Function<ScriptCommand, ScriptVerdict> verdicts, int uid,
                          int gid, String hostName, Optional<HostFiles> files) {
        this.vrrp = vrrp;
        this.scheduler = scheduler;
        this.runner = runner;
        this.ownRunner = ownRunner;
        this.verdicts = verdicts;
        this.uid = uid;
        this.gid = gid;
        this.notifier = new Notifier(global, vrrp, runner, verdicts, uid, gid, hostName, Notifier.NOTIFY_TIMEOUT,
                files);
    }

    /**
     * Prepares scripts and notifications for a configuration: opens (creates) the notify FIFOs and starts their
     * reader scripts. {@code files} decides who each script runs as, whether script security refuses it and
     * who owns a FIFO created here; without it every script runs as, and every FIFO belongs to, this process.
     */
    public static VrrpScripting open(GlobalDefs global, VrrpConfig vrrp, Optional<HostFiles> files,
                                     Scheduler scheduler) {
        com.sun.security.auth.module.UnixSystem me = new com.sun.security.auth.module.UnixSystem();
        int uid = (int) me.getUid();
        int gid = (int) me.getGid();
        Function<ScriptCommand, ScriptVerdict> verdicts = files.<Function<ScriptCommand, ScriptVerdict>>map(
                f -> cmd -> ScriptVerdict.of(cmd, global, f)).orElse(cmd -> new ScriptVerdict(true, uid, gid,
                cmd.program().startsWith("<"), ""));
        ProcessScriptRunner runner = new ProcessScriptRunner();
        VrrpScripting s = new VrrpScripting(global, vrrp, scheduler, runner, runner, verdicts, uid, gid,
                hostName(), files);
        s.notifier.open();
        return s;
    }

    /** Attaches the notifier and starts tracking; runs on the scheduler thread before the instances start. */
    public void beforeStart(VrrpRouter router) {
        notifier.attach(router.instances(), router.syncGroups());
        tracking = VrrpTracking.attach(vrrp, router.instances(), scheduler, runner, verdicts, uid, gid);
    }

    /**
     * Follows a reloaded configuration; hand it to {@link VrrpRouter#reload(java.util.List, java.util.List,
     * java.util.function.Consumer)}, which runs it on the scheduler thread once the instances are rebuilt and
     * before the new ones start. Notify scripts, FIFOs and mail follow the new configuration without notifying
     * anything themselves; tracked scripts and files follow it as {@link VrrpTracking#update} says.
     */
    public void reloaded(GlobalDefs global, VrrpConfig next, VrrpRouter router) {
        notifier.update(global, next, router.instances(), router.syncGroups());
        VrrpTracking t = tracking;
        if (t == null) {
            tracking = VrrpTracking.attach(next, router.instances(), scheduler, runner, verdicts, uid, gid);
        } else {
            t.update(next, router.instances());
        }
    }

    /** Stops running tracked scripts and watching files; on the scheduler thread, before the instances stop. */
    public void stopTracking() {
        VrrpTracking t = tracking;
        if (t != null) {
            t.close();
        }
    }

    /**
     * After the instances stopped: lets the last notifications (STOP scripts, FIFO lines, mail) go out for at
     * most {@code grace}, then kills what still runs, the FIFO reader scripts included.
     */
    public void close(Duration grace) {
        stopTracking();
        long deadline = System.nanoTime() + grace.toNanos();
        notifier.close(grace);
        if (ownRunner != null) {
            ownRunner.close(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
        }
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(2));
    }

    /** The host name keepalived uses as default router_id, HELO name and mail sender domain. */
    static String hostName() {
        try {
            String h = Files.readString(Path.of("/proc/sys/kernel/hostname"), StandardCharsets.US_ASCII).strip();
            return h.isEmpty() ? "localhost" : h;
        } catch (IOException e) {
            return "localhost";
        }
    }
}
