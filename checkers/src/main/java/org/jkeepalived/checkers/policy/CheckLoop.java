package org.jkeepalived.checkers.policy;

import java.util.Objects;
import java.util.Random;

import org.jkeepalived.checkers.probe.Probe;
import org.jkeepalived.checkers.probe.ProbeResult;
import org.jkeepalived.core.time.Scheduler;
import org.jkeepalived.core.time.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one checker of one real server: first after a random warmup delay, then after each result at the delay
 * its {@link CheckerState} asks for; feeds transitions and dynamic weights to the {@link VirtualServerPool}. All
 * state changes happen on the scheduler's thread; probe results are handed back to it.
 */
public final class CheckLoop {
    private static final Logger LOG = LoggerFactory.getLogger(CheckLoop.class);

    private final Scheduler scheduler;
    private final CheckerState state;
    private final Probe probe;
    private final VirtualServerPool pool;
    private final int rs;
    private final int checker;
    private final String description;
    private Timer timer;
    private boolean stopped;
    private long runs;
    private long launchedAt;
    private long lastLatencyNanos = -1;
    private long consecutiveFailures;

    /**
     * @param description for the log, e.g. {@code TCP_CHECK on service [192.0.2.1]:tcp:80}
     */
    public CheckLoop(Scheduler scheduler, CheckerState state, Probe probe, VirtualServerPool pool, int rs,
                     int checker, String description) {
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.state = Objects.requireNonNull(state, "state");
        this.probe = Objects.requireNonNull(probe, "probe");
        this.pool = Objects.requireNonNull(pool, "pool");
        this.rs = rs;
        this.checker = checker;
        this.description = Objects.requireNonNull(description, "description");
    }

    public CheckerState state() {
        return state;
    }

    /** Probes completed so far. */
    public long runs() {
        return runs;
    }

    /** How long the last completed probe took on the scheduler's clock, -1 before the first. */
    public long lastLatencyNanos() {
        return lastLatencyNanos;
    }

    /** Failed probes since the last success (retries included). */
    public long consecutiveFailures() {
        return consecutiveFailures;
    }

    /** Schedules the first probe at a random point within warmup (keepalived scatters start-up checks so). */
    public void start(Random random) {
        long warmup = state.timing().warmup().toNanos();
        long delay = warmup <= 0 ? 0 : (long) (random.nextDouble() * warmup);
        timer = scheduler.schedule(delay, this::launch);
    }

    /** Stops probing; a result still in flight is ignored. */
    public void stop() {
        stopped = true;
        if (timer != null) {
            timer.cancel();
        }
    }

    private void launch() {
        if (stopped) {
            return;
        }
        launchedAt = scheduler.nanoTime();
        try {
            probe.run(r -> scheduler.execute(() -> finish(r)));
        } catch (RuntimeException e) {
            LOG.warn("{}: probe could not start: {}", description, e.toString());
            scheduler.execute(() -> finish(ProbeResult.failed(e.toString())));
        }
    }

    private void finish(ProbeResult r) {
        if (stopped) {
            return;
        }
        runs++;
        lastLatencyNanos = scheduler.nanoTime() - launchedAt;
        consecutiveFailures = r.success() ? 0 : consecutiveFailures + 1;
        LOG.debug("{}: {}", description, r);
        CheckerState.Outcome o = state.onResult(r.success());
        if (r.success() && r.weightDelta().isPresent()) {
            pool.weightChanged(rs, checker, r.weightDelta().getAsLong());
        }
        switch (o.transition()) {
            case UP -> {
                LOG.info("{} success.", description);
                pool.checkerChanged(rs, checker, true);
            }
            case DOWN -> {
                LOG.info("{} failed after {} retries ({}).", description, state.timing().retry(), r.detail());
                pool.checkerChanged(rs, checker, false);
            }
            case NONE -> {
                if (!r.success() && (state.timing().logAllFailures() || o.retrying())) {
                    LOG.info("{} failed ({}){}", description, r.detail(), o.retrying() ? ", retrying" : "");
                }
            }
        }
        timer = scheduler.schedule(o.nextDelayNanos(), this::launch);
    }
}
