package org.jkeepalived.ipvs;

import java.util.EnumSet;
import java.util.Set;
import org.jkeepalived.core.config.lvs.SchedulerFlag;

/**
 * A flag of a virtual service that the configuration chooses ({@code IP_VS_SVC_F_*} in linux/ip_vs.h). The
 * kernel's own flags (HASHED, and PERSISTENT, which follows from the persistence timeout) are not here.
 */
public enum ServiceFlag {
    /** {@code ops}: one-packet scheduling (UDP). */
    ONE_PACKET(0x0004),
    /** {@code flag-1}, {@code sh-fallback}, {@code mh-fallback}. */
    SCHED1(0x0008),
    /** {@code flag-2}, {@code sh-port}, {@code mh-port}. */
    SCHED2(0x0010),
    /** {@code flag-3}. */
    SCHED3(0x0020);

    /** IP_VS_SVC_F_PERSISTENT: set by the codec when a persistence timeout is given. */
    public static final int PERSISTENT = 0x0001;
    /** IP_VS_SVC_F_HASHED: the kernel sets it on every service. */
    public static final int HASHED = 0x0002;

    private final int code;

    ServiceFlag(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The flags of a kernel bit mask; bits that are not configuration flags are ignored. */
    public static Set<ServiceFlag> fromCode(int bits) {
        Set<ServiceFlag> out = EnumSet.noneOf(ServiceFlag.class);
        for (ServiceFlag f : values()) {
            if ((bits & f.code) != 0) {
                out.add(f);
            }
        }
        return out;
    }

    /** The kernel bit mask of {@code flags}. */
    public static int code(Set<ServiceFlag> flags) {
        int bits = 0;
        for (ServiceFlag f : flags) {
            bits |= f.code;
        }
        return bits;
    }

    /** The kernel flag a configuration keyword stands for; {@code hashed} stands for none (the kernel's own). */
    public static Set<ServiceFlag> of(SchedulerFlag keyword) {
        return switch (keyword) {
            case HASHED -> Set.of();
            case OPS -> Set.of(ONE_PACKET);
            case FLAG_1, SH_FALLBACK, MH_FALLBACK -> Set.of(SCHED1);
            case FLAG_2, SH_PORT, MH_PORT -> Set.of(SCHED2);
            case FLAG_3 -> Set.of(SCHED3);
        };
    }
}
