package org.jkeepalived.checkers.daemon;

import java.util.Objects;
import java.util.Optional;

import org.jkeepalived.checkers.probe.EchoPinger;
import org.jkeepalived.checkers.probe.Probe;
import org.jkeepalived.core.config.lvs.RealServer;
import org.jkeepalived.core.config.lvs.VirtualServer;
import org.jkeepalived.core.config.lvs.check.Checker;

/**
 * How the checker subsystem runs: the seed of the warmup scatter, the ICMP echo for PING_CHECK (from the netlink
 * module; empty: PING_CHECK fails) and, for tests, probes to use instead of the network ones.
 */
public record CheckerOptions(long warmupSeed, Optional<EchoPinger> pinger, Optional<ProbeSource> probes) {
    /** Makes the probe for one checker of one real server. */
    @FunctionalInterface
    public interface ProbeSource {
        Probe probe(Checker checker, VirtualServer vs, RealServer rs);
    }

    public CheckerOptions {
        Objects.requireNonNull(pinger, "pinger");
        Objects.requireNonNull(probes, "probes");
    }

    /** Network probes, warmup seeded from the clock-free constant 0 unless told otherwise. */
    public static CheckerOptions defaults() {
        return new CheckerOptions(0, Optional.empty(), Optional.empty());
    }

    public CheckerOptions withPinger(EchoPinger p) {
        return new CheckerOptions(warmupSeed, Optional.of(p), probes);
    }

    public CheckerOptions withProbes(ProbeSource p) {
        return new CheckerOptions(warmupSeed, pinger, Optional.of(p));
    }

    public CheckerOptions withSeed(long seed) {
        return new CheckerOptions(seed, pinger, probes);
    }
}
