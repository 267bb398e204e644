package org.jkeepalived.core.config.global;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * How one keepalived child (vrrp, checker or bfd) is scheduled: {@code *_priority} (nice,
 * -20..19), {@code *_no_swap}, {@code *_cpu_affinity}, {@code *_rt_priority} (1..99),
 * {@code *_rlimit_rttime} (microseconds, at least 2) and {@code *_process_name}. Absent values leave
 * the process as started.
 */
public record ProcessTuning(OptionalInt priority, boolean noSwap, List<Integer> cpuAffinity,
                            OptionalInt rtPriority, OptionalLong rlimitRttime, Optional<String> processName) {
    public static final ProcessTuning DEFAULT = new ProcessTuning(OptionalInt.empty(), false, List.of(),
            OptionalInt.empty(), OptionalLong.empty(), Optional.empty());

    public ProcessTuning {
        cpuAffinity = List.copyOf(cpuAffinity);
    }
}
