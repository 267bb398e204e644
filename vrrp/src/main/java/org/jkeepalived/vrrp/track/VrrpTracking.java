package org.jkeepalived.vrrp.track;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.jkeepalived.core.config.ScriptCommand;
import org.jkeepalived.core.config.ScriptVerdict;
import org.jkeepalived.core.config.vrrp.VrrpConfig;
import org.jkeepalived.core.config.vrrp.VrrpScript;
import org.jkeepalived.core.config.vrrp.VrrpTrackFile;
import org.jkeepalived.core.time.Scheduler;
import org.jkeepalived.vrrp.engine.TrackedObject;
import org.jkeepalived.vrrp.engine.VrrpInstance;
import org.jkeepalived.vrrp.track.ScriptHysteresis.Status;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds the engine instances what they track besides interfaces: each vrrp_script some instance (or its sync
 * group) tracks runs in a {@link ScriptTracker} whose status changes become {@link VrrpInstance#scriptResult},
 * and each tracked track_file's value becomes {@link VrrpInstance#fileValue}. A script refused by script
 * security (or whose user cannot be set) is not run and is logged with the reason; the instances then see
 * it as never reporting, as keepalived drops it from their tracking.
 *
 * <p>Before the first result a script is neither OK nor failed (keepalived's INIT): the instances get
 * {@link VrrpInstance#scriptPending}, so its weight is not applied either way and a weight-0 script keeps an
 * instance in INIT until it reports. {@code init_fail} changes nothing: keepalived 2.2.7 resets a script's
 * initial state to INIT when an instance tracks it (checked against the binary: a weight-0 init_fail script
 * left its instance in INIT, a weight -10 one took nothing off). {@link #attach} feeds that initial status
 * and the files' values; call it on the scheduler thread before the instances start. {@link #update}
 * follows a reload.
 */
public final class VrrpTracking implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(VrrpTracking.class);

    private final Scheduler scheduler;
    private final ScriptRunner runner;
    private final Function<ScriptCommand, ScriptVerdict> verdicts;
    private final int ourUid;
    private final int ourGid;
    private final List<ScriptTracker> trackers = new ArrayList<>();
    private List<VrrpInstance> instances = List.of();
    private TrackFiles files;

    private VrrpTracking(Scheduler scheduler, ScriptRunner runner, Function<ScriptCommand, ScriptVerdict> verdicts,
                         int ourUid, int ourGid) {
        this.scheduler = scheduler;
        this.runner = runner;
        this.verdicts = verdicts;
        this.ourUid = ourUid;
        this.ourGid = ourGid;
    }

    /**
     * Starts tracking for {@code instances}: {@code verdicts} says how each script may run, {@code ourUid} and
     * {@code ourGid} are this process's (a script to run as someone else goes through setpriv).
     */
    public static VrrpTracking attach(VrrpConfig vrrp, List<VrrpInstance> instances, Scheduler scheduler,
                                      ScriptRunner runner, Function<ScriptCommand, ScriptVerdict> verdicts,
                                      int ourUid, int ourGid) {
        VrrpTracking t = new VrrpTracking(scheduler, runner, verdicts, ourUid, ourGid);
        t.update(vrrp, instances);
        return t;
    }

    /**
     * Follows a reloaded configuration, on the scheduler thread before added instances start: a script still
     * tracked and defined as before keeps running with its status (fed to the instances that now track it,
     * which is no change for those that did), a script no longer tracked or redefined is stopped, and a
     * newly tracked or redefined one starts from its initial status, as at start-up. Track files are read
     * again and watched for the new list.
     */
    public void update(VrrpConfig vrrp, List<VrrpInstance> now) {
        instances = List.copyOf(now);
        Set<String> scriptNames = tracked(TrackedObject.Kind.SCRIPT);
        List<String> running = new ArrayList<>();
        for (Iterator<ScriptTracker> it = trackers.iterator(); it.hasNext(); ) {
            ScriptTracker t = it.next();
            Optional<VrrpScript> def = vrrp.scripts().stream().filter(s -> s.name().equals(t.name())).findFirst();
            if (scriptNames.contains(t.name()) && def.isPresent() && sameScript(def.get(), t.script())) {
                running.add(t.name());
                feed(t.name(), t.status());
            } else {
                t.close();
                it.remove();
            }
        }
        List<ScriptTracker> started = new ArrayList<>();
        for (VrrpScript s : vrrp.scripts()) {
            if (!scriptNames.contains(s.name()) || running.contains(s.name())) {
                continue; // keepalived runs only scripts something tracks
            }
            ScriptCommand cmd = new ScriptCommand(s.script(), s.user(), s.group(), s.location());
            ScriptVerdict v = verdicts.apply(cmd);
            if (!v.runnable()) {
                LOG.warn("VRRP_Script({}) disabling track script: {}", s.name(), v.reason());
                dropped(s.name());
                continue;
            }
            feed(s.name(), Status.INIT);
            ScriptTracker t = new ScriptTracker(s, ScriptCommandLine.argv(cmd, List.of(), v, ourUid, ourGid), runner,
                    scheduler, this::feed);
            trackers.add(t);
            started.add(t);
        }
        watchFiles(vrrp);
        started.forEach(ScriptTracker::start);
    }

    private void watchFiles(VrrpConfig vrrp) {
        if (files != null) {
            files.close();
            files = null;
        }
        Set<String> fileNames = tracked(TrackedObject.Kind.FILE);
        List<VrrpTrackFile> watched = vrrp.trackFiles().stream().filter(f -> fileNames.contains(f.name())).toList();
        if (watched.isEmpty()) {
            return;
        }
        TrackFiles f = new TrackFiles(watched, (name, value) -> scheduler.execute(() -> feedFile(name, value)));
        files = f;
        f.initialise();
        for (Map.Entry<String, Long> e : f.readAll().entrySet()) {
            feedFile(e.getKey(), e.getValue());
        }
        try {
            f.watch();
        } catch (IOException e) {
            LOG.warn("cannot watch track files: {}", e.getMessage());
        }
    }

    /** Whether a reloaded script definition runs as the running one does (its weight is the instances' business). */
    static boolean sameScript(VrrpScript a, VrrpScript b) {
        return a.script().equals(b.script()) && a.interval().equals(b.interval()) && a.timeout().equals(b.timeout())
                && a.rise() == b.rise() && a.fall() == b.fall() && a.user().equals(b.user())
                && a.group().equals(b.group()) && a.initFail() == b.initFail();
    }

    /** The scripts being run (for tests and dumps). */
    public List<ScriptTracker> trackers() {
        return List.copyOf(trackers);
    }

    private Set<String> tracked(TrackedObject.Kind kind) {
        Set<String> names = new LinkedHashSet<>();
        for (VrrpInstance i : instances) {
            for (TrackedObject o : i.spec().tracked()) {
                if (o.kind() == kind) {
                    names.add(o.name());
                }
            }
        }
        return names;
    }

    private void feed(String script, Status status) {
        for (VrrpInstance i : instances) {
            switch (status) {
                case INIT -> i.scriptPending(script);
                case OK -> i.scriptResult(script, true);
                case FAILED -> i.scriptResult(script, false);
                default -> throw new IllegalStateException(status.toString());
            }
        }
    }

    /** A script that will never run: keepalived drops it from tracking, so it must count for nothing. */
    private void dropped(String script) {
        for (VrrpInstance i : instances) {
            Optional<TrackedObject> t = i.spec().tracked().stream()
                    .filter(o -> o.kind() == TrackedObject.Kind.SCRIPT && o.name().equals(script)).findFirst();
            t.ifPresent(o -> i.scriptResult(script, neutralStatus(o)));
        }
    }

    private void feedFile(String file, long value) {
        for (VrrpInstance i : instances) {
            i.fileValue(file, value);
        }
    }

    /**
     * The raw status under which a tracker counts for nothing: a positive weight not added, a negative one not
     * subtracted, a weight-0 tracker not in FAULT.
     */
    static boolean neutralStatus(TrackedObject tracker) {
        int weight = tracker.reverse() ? -tracker.weight() : tracker.weight();
        boolean healthy = weight <= 0;
        return healthy != tracker.reverse();
    }

    /** Stops the scripts (killing runs in progress) and the file watch. */
    @Override
    public void close() {
        trackers.forEach(ScriptTracker::close);
        trackers.clear();
        if (files != null) {
            files.close();
        }
    }

    Scheduler scheduler() {
        return scheduler;
    }
}
