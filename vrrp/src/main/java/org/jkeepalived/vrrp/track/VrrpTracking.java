package org.jkeepalived.vrrp.track;

import java.io.IOException;
import java.util.ArrayList;
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
 * <p>Before the first result a script is neither OK nor failed (keepalived's INIT): its weight is not
 * applied either way, and {@code init_fail} makes it failed. {@link #attach} feeds that initial status and
 * the files' values; call it on the scheduler thread before the instances start.
 */
public final class VrrpTracking implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(VrrpTracking.class);

    private final List<VrrpInstance> instances;
    private final Scheduler scheduler;
    private final List<ScriptTracker> trackers = new ArrayList<>();
    private TrackFiles files;

    private VrrpTracking(List<VrrpInstance> instances, Scheduler scheduler) {
        this.instances = List.copyOf(instances);
        this.scheduler = scheduler;
    }

    /**
     * Starts tracking for {@code instances}: {@code verdicts} says how each script may run, {@code ourUid} and
     * {@code ourGid} are this process's (a script to run as someone else goes through setpriv).
     */
    public static VrrpTracking attach(VrrpConfig vrrp, List<VrrpInstance> instances, Scheduler scheduler,
                                      ScriptRunner runner, Function<ScriptCommand, ScriptVerdict> verdicts,
                                      int ourUid, int ourGid) {
        VrrpTracking t = new VrrpTracking(instances, scheduler);
        Set<String> scriptNames = t.tracked(TrackedObject.Kind.SCRIPT);
        for (VrrpScript s : vrrp.scripts()) {
            if (!scriptNames.contains(s.name())) {
                continue; // keepalived runs only scripts something tracks
            }
            ScriptCommand cmd = new ScriptCommand(s.script(), s.user(), s.group(), s.location());
            ScriptVerdict v = verdicts.apply(cmd);
            if (!v.runnable()) {
                LOG.warn("VRRP_Script({}) disabling track script: {}", s.name(), v.reason());
                t.feed(s.name(), Status.INIT);
                continue;
            }
            t.feed(s.name(), s.initFail() ? Status.INIT_FAILED : Status.INIT);
            t.trackers.add(new ScriptTracker(s, ScriptCommandLine.argv(cmd, List.of(), v, ourUid, ourGid), runner,
                    scheduler, t::feed));
        }
        Set<String> fileNames = t.tracked(TrackedObject.Kind.FILE);
        List<VrrpTrackFile> watched = vrrp.trackFiles().stream().filter(f -> fileNames.contains(f.name())).toList();
        if (!watched.isEmpty()) {
            t.files = new TrackFiles(watched, (name, value) -> scheduler.execute(() -> t.feedFile(name, value)));
            t.files.initialise();
            for (Map.Entry<String, Long> e : t.files.readAll().entrySet()) {
                t.feedFile(e.getKey(), e.getValue());
            }
            try {
                t.files.watch();
            } catch (IOException e) {
                LOG.warn("cannot watch track files: {}", e.getMessage());
            }
        }
        t.trackers.forEach(ScriptTracker::start);
        return t;
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
            Optional<TrackedObject> t = i.spec().tracked().stream()
                    .filter(o -> o.kind() == TrackedObject.Kind.SCRIPT && o.name().equals(script)).findFirst();
            t.ifPresent(o -> i.scriptResult(script, engineStatus(status, o)));
        }
    }

    private void feedFile(String file, long value) {
        for (VrrpInstance i : instances) {
            i.fileValue(file, value);
        }
    }

    /**
     * The status the engine gets for a script: OK or failed as reported; before the first result, the raw
     * status under which the tracker's weight is not applied (a positive weight not added, a negative one not
     * subtracted, a weight-0 tracker not in FAULT) and failed with init_fail.
     */
    static boolean engineStatus(Status status, TrackedObject tracker) {
        return switch (status) {
            case OK -> true;
            case FAILED, INIT_FAILED -> false;
            case INIT -> {
                int weight = tracker.reverse() ? -tracker.weight() : tracker.weight();
                boolean healthy = weight <= 0;
                yield healthy != tracker.reverse();
            }
        };
    }

    /** Stops the scripts (killing runs in progress) and the file watch. */
    @Override
    public void close() {
        trackers.forEach(ScriptTracker::close);
        if (files != null) {
            files.close();
        }
    }

    Scheduler scheduler() {
        return scheduler;
    }
}
