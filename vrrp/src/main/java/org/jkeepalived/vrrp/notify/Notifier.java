package org.jkeepalived.vrrp.notify;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.jkeepalived.core.config.HostFiles;
import org.jkeepalived.core.config.ScriptCommand;
import org.jkeepalived.core.config.ScriptVerdict;
import org.jkeepalived.core.config.global.GlobalDefs;
import org.jkeepalived.core.config.global.Notification;
import org.jkeepalived.core.config.global.NotifyFifo;
import org.jkeepalived.core.config.vrrp.NotifyScripts;
import org.jkeepalived.core.config.vrrp.VrrpConfig;
import org.jkeepalived.core.config.vrrp.VrrpSyncGroup;
import org.jkeepalived.vrrp.engine.SyncGroup;
import org.jkeepalived.vrrp.engine.TransitionListener;
import org.jkeepalived.vrrp.engine.TransitionReason;
import org.jkeepalived.vrrp.engine.VrrpInstance;
import org.jkeepalived.vrrp.engine.VrrpState;
import org.jkeepalived.vrrp.track.ScriptCommandLine;
import org.jkeepalived.vrrp.track.ScriptOutcome;
import org.jkeepalived.vrrp.track.ScriptRunner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the outside world about VRRP state changes as keepalived does: the notify FIFOs
 * ({@code notify_fifo}, {@code vrrp_notify_fifo}) get a line, the instance's or group's notify scripts run
 * ({@link NotifyArguments}), and with {@code smtp_alert} a mail goes to the {@code notification_email}
 * addresses. Called on the scheduler thread; everything slow happens elsewhere (FIFO writes on the notify
 * thread, scripts through the {@link ScriptRunner}, mail on the smtp thread), so an advert is never delayed.
 * A notify script still running after the notify timeout is killed and reported.
 */
public final class Notifier implements TransitionListener, SyncGroup.SyncGroupListener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Notifier.class);
    /** keepalived sets no limit; a hung notify script must not live for ever here. */
    public static final Duration NOTIFY_TIMEOUT = Duration.ofSeconds(60);

    private GlobalDefs global;
    private final ScriptRunner runner;
    private final Function<ScriptCommand, ScriptVerdict> verdicts;
    private final int ourUid;
    private final int ourGid;
    private final String hostName;
    private final Duration notifyTimeout;
    private final Optional<HostFiles> hostFiles;
    /** The FIFOs this process created (and so removes when it stops), across reloads. */
    private final Set<java.nio.file.Path> createdFifos = new java.util.LinkedHashSet<>();
    private final Map<String, Target> instances = new HashMap<>();
    private final Map<String, Target> groups = new HashMap<>();
    private final Map<String, String> groupOf = new HashMap<>();
    private final Map<String, VrrpState> states = new HashMap<>();
    private final Map<String, VrrpInstance> engines = new HashMap<>();
    private final Set<SyncGroup> listenedGroups = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    private final List<FifoWriter> fifos = new ArrayList<>();
    private final List<ScriptRunner.Running> fifoScripts = new ArrayList<>();
    private final Map<ScriptCommand, Optional<ScriptVerdict>> verdictCache = new LinkedHashMap<>();
    private final ExecutorService notifyThread = single("vrrp-notify");
    private final ExecutorService smtpThread = single("vrrp-smtp");

    private static final Target NONE = new Target(NotifyScripts.NONE, false, false);

    /** What one instance or group notifies with. */
    private record Target(NotifyScripts scripts, boolean smtpAlert, boolean priorityChanges) {
    }

    /**
     * @param hostName the local host name: the default router_id, HELO name and sender domain
     */
    public Notifier(GlobalDefs global, VrrpConfig vrrp, ScriptRunner runner,
                    Function<ScriptCommand, ScriptVerdict> verdicts, int ourUid, int ourGid, String hostName,
                    Duration notifyTimeout) {
        this(global, vrrp, runner, verdicts, ourUid, ourGid, hostName, notifyTimeout, Optional.empty());
    }

    /**
     * @param hostName   the local host name: the default router_id, HELO name and sender domain
     * @param hostFiles  the user and group databases that say who owns a notify FIFO this process creates
     *                   ({@link ScriptVerdict#owner}); without them it stays this process's
     */
    public Notifier(GlobalDefs global, VrrpConfig vrrp, ScriptRunner runner,
                    Function<ScriptCommand, ScriptVerdict> verdicts, int ourUid, int ourGid, String hostName,
                    Duration notifyTimeout, Optional<HostFiles> hostFiles) {
        this.hostFiles = hostFiles;
        this.global = global;
        this.runner = runner;
        this.verdicts = verdicts;
        this.ourUid = ourUid;
        this.ourGid = ourGid;
        this.hostName = hostName;
        this.notifyTimeout = notifyTimeout;
        targets(vrrp);
    }

    private void targets(VrrpConfig vrrp) {
        instances.clear();
        groups.clear();
        groupOf.clear();
        Notification n = global.notification();
        boolean smtpDefault = n.smtpAlertVrrp().or(n::smtpAlert).orElse(false);
        for (org.jkeepalived.core.config.vrrp.VrrpInstance i : vrrp.instances()) {
            instances.put(i.name(), new Target(i.notifyScripts(), i.smtpAlert().orElse(smtpDefault),
                    i.notifyPriorityChanges()));
        }
        for (VrrpSyncGroup g : vrrp.syncGroups()) {
            groups.put(g.name(), new Target(g.notifyScripts(), g.smtpAlert().orElse(smtpDefault), false));
            g.members().forEach(m -> groupOf.put(m, g.name()));
        }
    }

    /**
     * Follows a reloaded configuration, on the scheduler thread before added instances start: the notify
     * scripts, smtp_alert and group membership of every instance and group are the new ones from now on (a
     * reload itself notifies nothing), instances and groups the reload built are listened to, and the notify
     * FIFOs are reopened when their settings changed. Instances the reload stopped were notified before, with
     * their old scripts.
     */
    public void update(GlobalDefs next, VrrpConfig vrrp, List<VrrpInstance> all, List<SyncGroup> syncGroups) {
        boolean fifosChanged = !fifoKey(global.notifyFifo()).equals(fifoKey(next.notifyFifo()))
                || !fifoKey(global.vrrpNotifyFifo()).equals(fifoKey(next.vrrpNotifyFifo()));
        global = next;
        targets(vrrp);
        verdictCache.clear();
        List<String> names = all.stream().map(VrrpInstance::name).toList();
        engines.keySet().retainAll(names);
        states.keySet().retainAll(names);
        attach(all, syncGroups);
        if (fifosChanged) {
            List<FifoWriter> old = List.copyOf(fifos);
            fifos.clear();
            notifyThread.execute(() -> old.forEach(FifoWriter::close));
            fifoScripts.forEach(ScriptRunner.Running::kill);
            fifoScripts.clear();
            open();
        }
    }

    /** Opens the FIFOs (creating them) and starts their reader scripts; call once before the instances start. */
    public void open() {
        openFifo(global.notifyFifo());
        openFifo(global.vrrpNotifyFifo());
    }

    private void openFifo(Optional<NotifyFifo> config) {
        if (config.isEmpty()) {
            return;
        }
        NotifyFifo f = config.get();
        FifoWriter w = FifoWriter.open(f.name(), hostFiles.flatMap(h -> ScriptVerdict.owner(f.user(), f.group(),
                global, h)));
        if (w == null) {
            return;
        }
        if (w.created()) {
            createdFifos.add(w.path());
        }
        fifos.add(w);
        config.get().script().ifPresent(s -> verdict(s).ifPresent(v -> fifoScripts.add(runner.run(
                ScriptCommandLine.argv(s, FifoWriter.scriptExtra(w), v, ourUid, ourGid), null,
                outcome -> LOG.info("notify FIFO script {} ended: {}", s.command(), describe(outcome))))));
    }

    /** A FIFO's settings without where they are written. */
    private static Optional<List<Object>> fifoKey(Optional<NotifyFifo> f) {
        return f.map(x -> List.of(x.name(), x.user(), x.group(),
                x.script().map(c -> List.of(c.command(), c.user(), c.group()))));
    }

    /** Listens to every instance and sync group. */
    public void attach(List<VrrpInstance> all, List<SyncGroup> syncGroups) {
        all.forEach(i -> {
            if (engines.put(i.name(), i) != i) {
                i.addListener(this);
            }
        });
        syncGroups.forEach(g -> {
            if (listenedGroups.add(g)) {
                g.addListener(this);
            }
        });
    }

    @Override
    public void onTransition(String instance, VrrpState newState, VrrpState previous, TransitionReason reason,
                             int effectivePriority) {
        states.put(instance, newState);
        Target t = instances.getOrDefault(instance, NONE);
        dispatch(new NotifyEvent(NotifyEvent.Kind.INSTANCE, instance, newState.name(), effectivePriority), t);
        String group = groupOf.get(instance);
        if (newState == VrrpState.STOP && group != null && groupStopped(group)) {
            // the engine's sync group has no STOP state; keepalived notifies the group once all members stop
            dispatch(new NotifyEvent(NotifyEvent.Kind.GROUP, group, "STOP", 0), groups.get(group));
        }
    }

    @Override
    public void onMasterReceivedLowerPriority(String instance, int advertPriority) {
        Target t = instances.getOrDefault(instance, NONE);
        VrrpInstance i = engines.get(instance);
        // keepalived reports the master's own effective priority, not the advert's
        dispatch(new NotifyEvent(NotifyEvent.Kind.INSTANCE, instance, NotifyEvent.MASTER_RX_LOWER_PRI,
                i != null ? i.effectivePriority() : advertPriority), new Target(t.scripts(), false, false));
    }

    /**
     * notify_priority_changes, as keepalived 2.2.7 does it (checked with its notify FIFOs and scripts): a FIFO
     * line {@code INSTANCE "VI_1" MASTER_PRIORITY 80} for a MASTER, {@code BACKUP_PRIORITY} in any other state
     * (FAULT included), on every notify FIFO; no notify script runs and no mail goes out.
     */
    @Override
    public void onPriorityChanged(String instance, VrrpState state, int effectivePriority) {
        if (!instances.getOrDefault(instance, NONE).priorityChanges()) {
            return;
        }
        String what = state == VrrpState.MASTER ? NotifyEvent.MASTER_PRIORITY : NotifyEvent.BACKUP_PRIORITY;
        dispatch(new NotifyEvent(NotifyEvent.Kind.INSTANCE, instance, what, effectivePriority), NONE);
    }

    @Override
    public void onGroupTransition(String group, VrrpState newState, VrrpState previous) {
        if (newState == VrrpState.INIT || newState == VrrpState.STOP) {
            return;
        }
        dispatch(new NotifyEvent(NotifyEvent.Kind.GROUP, group, newState.name(), 0),
                groups.getOrDefault(group, NONE));
    }

    private boolean groupStopped(String group) {
        for (Map.Entry<String, String> e : groupOf.entrySet()) {
            if (e.getValue().equals(group) && states.getOrDefault(e.getKey(), VrrpState.STOP) != VrrpState.STOP) {
                return false;
            }
        }
        return true;
    }

    private void dispatch(NotifyEvent event, Target target) {
        if (!fifos.isEmpty()) {
            String line = event.fifoLine();
            // a snapshot: a reload may replace the FIFOs while the line waits on the notify thread
            List<FifoWriter> to = List.copyOf(fifos);
            notifyThread.execute(() -> to.forEach(f -> f.write(line)));
        }
        for (NotifyArguments.Invocation inv : NotifyArguments.of(target.scripts(), event)) {
            verdict(inv.script()).ifPresent(v -> {
                List<String> argv = ScriptCommandLine.argv(inv.script(), inv.extra(), v, ourUid, ourGid);
                runner.run(argv, notifyTimeout, outcome -> report(inv.script(), outcome));
            });
        }
        if (target.smtpAlert()) {
            mail(event);
        }
    }

    private void mail(NotifyEvent event) {
        Notification n = global.notification();
        if (n.server().isEmpty() || n.emails().isEmpty()
                || n.noEmailFaults() && event.state().equals("FAULT")) {
            return;
        }
        String from = n.from().orElse("keepalived@" + hostName);
        Optional<SmtpAlert> alert = SmtpAlert.of(event, global.routerId().orElse(hostName), from, n.emails());
        if (alert.isEmpty()) {
            return;
        }
        ZonedDateTime now = ZonedDateTime.now();
        smtpThread.execute(() -> {
            String where = "[" + n.server().get().host() + "]:" + n.server().get().port();
            try {
                SmtpClient c = new SmtpClient(new InetSocketAddress(n.server().get().host(), n.server().get().port()),
                        n.heloName().orElse(hostName), n.connectTimeout());
                c.send(alert.get(), alert.get().data(now));
                LOG.info("SMTP alert successfully sent.");
            } catch (IOException e) {
                LOG.warn("Error sending SMTP alert to {}: {}", where, e.getMessage());
            }
        });
    }

    private Optional<ScriptVerdict> verdict(ScriptCommand s) {
        return verdictCache.computeIfAbsent(s, c -> {
            ScriptVerdict v = verdicts.apply(c);
            if (!v.runnable()) {
                LOG.warn("Disabling notify script {}: {}", c.command(), v.reason());
                return Optional.empty();
            }
            return Optional.of(v);
        });
    }

    private void report(ScriptCommand s, ScriptOutcome outcome) {
        switch (outcome.kind()) {
            case TIMED_OUT -> LOG.warn("notify script {} killed after {} s", s.command(), notifyTimeout.toSeconds());
            case NOT_STARTED -> LOG.warn("Error exec-ing notify script {}: {}", s.command(), outcome.detail());
            case EXITED -> {
                if (outcome.exitStatus() != 0) {
                    LOG.info("notify script {} exited with status {}", s.command(), outcome.exitStatus());
                }
            }
            default -> throw new IllegalStateException(outcome.kind().toString());
        }
    }

    private static String describe(ScriptOutcome o) {
        return o.kind() == ScriptOutcome.Kind.EXITED ? "exit status " + o.exitStatus() : o.kind() + " " + o.detail();
    }

    /**
     * Lets queued FIFO lines and mail go out (waiting at most {@code grace}), then kills the FIFO scripts and
     * closes the FIFOs. Call after the instances stopped.
     */
    public void close(Duration grace) {
        notifyThread.shutdown();
        smtpThread.shutdown();
        try {
            long deadline = System.nanoTime() + grace.toNanos();
            notifyThread.awaitTermination(grace.toNanos(), TimeUnit.NANOSECONDS);
            smtpThread.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        notifyThread.shutdownNow();
        smtpThread.shutdownNow();
        fifoScripts.forEach(ScriptRunner.Running::kill);
        fifos.forEach(FifoWriter::close);
        // keepalived removes the FIFOs it created when it stops, and leaves the others
        for (java.nio.file.Path p : createdFifos) {
            try {
                java.nio.file.Files.deleteIfExists(p);
            } catch (IOException e) {
                LOG.debug("removing {}: {}", p, e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(2));
    }

    private static ExecutorService single(String name) {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }
}
