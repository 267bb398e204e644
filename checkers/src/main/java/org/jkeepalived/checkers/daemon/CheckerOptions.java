package org.jkeepalived.checkers.daemon;

import java.util.Objects;
import java.util.Optional;

import org.jkeepalived.checkers.probe.EchoPinger;
import org.jkeepalived.checkers.probe.Probe;
import org.jkeepalived.core.config.HostFiles;
import org.jkeepalived.core.config.lvs.RealServer;
import org.jkeepalived.core.config.lvs.VirtualServer;
import org.jkeepalived.core.config.lvs.check.Checker;

/**
 * How the checker subsystem runs: the seed of the warmup scatter, the ICMP echo for PING_CHECK (from the netlink
 * module; empty: PING_CHECK fails), the host's files and users that decide who runs each MISC_CHECK script and
 * whether script security refuses it (empty: every script runs as this process, unchecked) and, for tests, probes
 * to use instead of the network ones.
 */
public record CheckerOptions(long warmupSeed, Optional<EchoPinger> pinger, Optional<HostFiles> files,
                             Optional<ProbeSource> probes) {
    /** Makes the probe for one checker of one real server. */
    @FunctionalInterface
    public interface ProbeSource {
        Probe probe(Checker checker, VirtualServer vs, RealServer rs);
    }

    public CheckerOptions {
        Objects.requireNonNull(pinger, "pinger");
        Objects.requireNonNull(files, "files");
        Objects.requireNonNull(probes, "probes");
    }

    /** Network probes, warmup seeded from the clock-free constant 0 unless told otherwise. */
    public static CheckerOptions defaults() {
        return new CheckerOptions(0, Optional.empty(), Optional.empty(), Optional.empty());
    }

    public CheckerOptions withPinger(EchoPinger p) {
        return new CheckerOptions(warmupSeed, Optional.of(p), files, probes);
    }

    public CheckerOptions withProbes(ProbeSource p) {
        return new CheckerOptions(warmupSeed, pinger, files, Optional.of(p));
    }

    public CheckerOptions withSeed(long seed) {
        return new CheckerOptions(seed, pinger, files, probes);
    }

    /** The watchdog passes the real host (as it does to the VRRP child's scripts). */
    public CheckerOptions withFiles(HostFiles f) {
        return new CheckerOptions(warmupSeed, pinger, Optional.of(f), probes);
    }
}
