package org.jkeepalived.vrrp.track;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;
import org.jkeepalived.core.config.vrrp.VrrpScript;
import org.jkeepalived.core.time.Scheduler;
import org.jkeepalived.core.time.Timer;
import org.jkeepalived.vrrp.track.ScriptHysteresis.Status;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One vrrp_script at work: runs it every {@code interval} through the {@link ScriptRunner} (never two runs at
 * once), counts a run past {@code timeout} (default: the interval) or one that cannot start as a failure,
 * applies {@link ScriptHysteresis} and reports each status change to a sink, with keepalived's log lines
 * ({@code VRRP_Script(chk) succeeded}, {@code ... failed (exited with status 1)}, {@code ... timed_out},
 * {@code Script `chk` now returning 1}). Lives on the scheduler's thread; outcomes are moved there.
 */
public final class ScriptTracker {
    private static final Logger LOG = LoggerFactory.getLogger(ScriptTracker.class);

    private final VrrpScript script;
    private final List<String> argv;
    private final ScriptRunner runner;
    private final Scheduler scheduler;
    private final BiConsumer<String, Status> sink;
    private final ScriptHysteresis hysteresis;
    private final long intervalNanos;
    private final Duration timeout;
    private Timer next;
    private ScriptRunner.Running running;
    private long lastStart;
    private int lastExit;
    private boolean closed;

    /**
     * @param argv the command line to run ({@link ScriptCommandLine})
     * @param sink receives (script name, new status) on the scheduler thread
     */
    public ScriptTracker(VrrpScript script, List<String> argv, ScriptRunner runner, Scheduler scheduler,
                         BiConsumer<String, Status> sink) {
        this.script = Objects.requireNonNull(script, "script");
        this.argv = List.copyOf(argv);
        this.runner = Objects.requireNonNull(runner, "runner");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.hysteresis = new ScriptHysteresis(script.rise(), script.fall());
        this.intervalNanos = Math.max(1, script.interval().toNanos());
        this.timeout = script.timeout().orElse(script.interval());
    }

    public String name() {
        return script.name();
    }

    /** The vrrp_script this tracker runs. */
    public VrrpScript script() {
        return script;
    }

    public Status status() {
        return hysteresis.status();
    }

    /** Schedules the first run now. */
    public void start() {
        next = scheduler.execute(this::launch);
    }

    /** Stops scheduling and kills a run in progress. */
    public void close() {
        closed = true;
        if (next != null) {
            next.cancel();
        }
        if (running != null) {
            running.kill();
        }
    }

    private void launch() {
        next = null;
        if (closed || running != null) {
            return;
        }
        lastStart = scheduler.nanoTime();
        running = runner.run(argv, timeout, outcome -> scheduler.execute(() -> finished(outcome)));
    }

    /** Handles one run's outcome (package-visible for tests driving a fake runner). */
    void finished(ScriptOutcome outcome) {
        running = null;
        if (closed) {
            return;
        }
        String tag = "VRRP_Script(" + script.name() + ")";
        switch (outcome.kind()) {
            case TIMED_OUT -> LOG.info("{} timed_out", tag);
            case NOT_STARTED -> LOG.warn("{} cannot be run: {}", tag, outcome.detail());
            case EXITED -> {
                if (outcome.exitStatus() != lastExit) {
                    LOG.info("Script `{}` now returning {}", script.name(), outcome.exitStatus());
                    lastExit = outcome.exitStatus();
                }
            }
            default -> throw new IllegalStateException(outcome.kind().toString());
        }
        hysteresis.record(outcome.success()).ifPresent(s -> {
            if (s == Status.OK) {
                LOG.info("{} succeeded", tag);
            } else if (outcome.kind() == ScriptOutcome.Kind.EXITED) {
                LOG.info("{} failed (exited with status {})", tag, outcome.exitStatus());
            } else if (outcome.kind() == ScriptOutcome.Kind.NOT_STARTED) {
                LOG.info("{} failed", tag);
            }
            sink.accept(script.name(), s);
        });
        long delay = lastStart + intervalNanos - scheduler.nanoTime();
        next = scheduler.schedule(delay, this::launch);
    }
}
