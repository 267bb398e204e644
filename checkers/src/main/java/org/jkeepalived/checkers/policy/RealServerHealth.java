package org.jkeepalived.checkers.policy;

import java.util.Objects;

import org.jkeepalived.core.config.lvs.RealServer;

/**
 * The health of one real server: up only while every one of its checkers is up; its weight is the configured
 * one plus what dynamic checkers (misc_dynamic, FILE_CHECK with a weight) add.
 */
public final class RealServerHealth {
    private final RealServer config;
    private final boolean[] checkerUp;
    private final long[] weightDelta;
    private boolean alive;

    RealServerHealth(RealServer config, boolean[] initialUp) {
        this.config = Objects.requireNonNull(config, "config");
        this.checkerUp = initialUp.clone();
        this.weightDelta = new long[initialUp.length];
    }

    public RealServer config() {
        return config;
    }

    /** Whether the server is in the pool (as far as health goes). */
    public boolean alive() {
        return alive;
    }

    void alive(boolean a) {
        alive = a;
    }

    /** Whether every checker is up (a server without checkers is always healthy). */
    public boolean healthy() {
        for (boolean b : checkerUp) {
            if (!b) {
                return false;
            }
        }
        return true;
    }

    void checker(int index, boolean up) {
        checkerUp[index] = up;
    }

    void weightDelta(int index, long delta) {
        weightDelta[index] = delta;
    }

    /** The IPVS weight while alive: configured weight plus dynamic deltas, never negative. */
    public int weight() {
        long w = config.weight();
        for (long d : weightDelta) {
            w += d;
        }
        return (int) Math.max(0, Math.min(Integer.MAX_VALUE, w));
    }
}
