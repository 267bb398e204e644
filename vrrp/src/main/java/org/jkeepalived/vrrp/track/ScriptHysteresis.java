package org.jkeepalived.vrrp.track;

import java.util.Optional;

/**
 * The rise/fall counting of one vrrp_script, as keepalived 2.2.7 does it (checked against the binary): before
 * the first result the status is undetermined and the first result decides it at once whatever rise and fall
 * say ({@code init_fail} changes nothing for a tracked script, see {@link VrrpTracking}); after that {@code fall} consecutive failures turn OK into
 * failed and {@code rise} consecutive successes turn failed into OK, and a result of the other kind restarts
 * the count. Pure.
 */
public final class ScriptHysteresis {
    /** The script's status as instances see it. */
    public enum Status {
        /** No result yet: weights are not applied; a weight-0 tracker keeps a starting instance in INIT. */
        INIT,
        OK,
        FAILED
    }

    private final int rise;
    private final int fall;
    private Status status;
    private int streak;

    public ScriptHysteresis(int rise, int fall) {
        this.rise = Math.max(1, rise);
        this.fall = Math.max(1, fall);
        this.status = Status.INIT;
    }

    public Status status() {
        return status;
    }

    /**
     * Records one run's result; returns the new status when it changed (OK or FAILED), empty otherwise.
     */
    public Optional<Status> record(boolean success) {
        Status before = status;
        switch (status) {
            case INIT -> {
                status = success ? Status.OK : Status.FAILED;
                streak = 0;
            }
            case OK -> {
                streak = success ? 0 : streak + 1;
                if (streak >= fall) {
                    status = Status.FAILED;
                    streak = 0;
                }
            }
            case FAILED -> {
                streak = success ? streak + 1 : 0;
                if (streak >= rise) {
                    status = Status.OK;
                    streak = 0;
                }
            }
            default -> throw new IllegalStateException(status.toString());
        }
        return status != before ? Optional.of(status) : Optional.empty();
    }
}
