package org.jkeepalived.ipvs;

import java.util.Objects;
import java.util.Set;
import org.jkeepalived.core.config.lvs.IpFamily;

/**
 * The settings of one IPVS virtual service, without its destinations: everything {@code IPVS_CMD_SET_SERVICE} can
 * change in place, keyed by what it cannot.
 *
 * @param scheduler          the scheduler module's name without {@code ip_vs_} (rr, wrr, lc, wlc, … mh)
 * @param persistenceTimeout seconds; 0 = not persistent
 * @param persistencePrefix  the persistence netmask as a prefix length (0..32 or 0..128); the kernel keeps an
 *                           IPv4 netmask as a mask and an IPv6 one as a length, the codec converts
 * @param persistenceEngine  {@code persistence_engine} (only "sip" exists), "" for none
 */
public record Service(ServiceKey key, String scheduler, Set<ServiceFlag> flags, int persistenceTimeout,
                      int persistencePrefix, String persistenceEngine) {
    public Service {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(scheduler, "scheduler");
        flags = Set.copyOf(flags);
        Objects.requireNonNull(persistenceEngine, "persistenceEngine");
        if (persistenceTimeout < 0) {
            throw new IllegalArgumentException("bad persistence timeout " + persistenceTimeout);
        }
        int max = key.family() == IpFamily.INET ? 32 : 128;
        if (persistencePrefix < 0 || persistencePrefix > max) {
            throw new IllegalArgumentException("bad persistence prefix " + persistencePrefix);
        }
    }

    /** A non-persistent service with no flags (netmask /32 or /128, as ipvsadm sends). */
    public static Service of(ServiceKey key, String scheduler) {
        return new Service(key, scheduler, Set.of(), 0, fullPrefix(key.family()), "");
    }

    /** 32 or 128: the netmask ipvsadm and keepalived send when none is configured. */
    public static int fullPrefix(IpFamily family) {
        return family == IpFamily.INET ? 32 : 128;
    }

    public boolean persistent() {
        return persistenceTimeout > 0;
    }

    public Service withScheduler(String s) {
        return new Service(key, s, flags, persistenceTimeout, persistencePrefix, persistenceEngine);
    }

    public Service withFlags(Set<ServiceFlag> f) {
        return new Service(key, scheduler, f, persistenceTimeout, persistencePrefix, persistenceEngine);
    }

    public Service withPersistence(int timeout, int prefix) {
        return new Service(key, scheduler, flags, timeout, prefix, persistenceEngine);
    }
}
