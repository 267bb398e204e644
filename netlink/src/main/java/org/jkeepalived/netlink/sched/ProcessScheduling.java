package org.jkeepalived.netlink.sched;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jkeepalived.core.config.global.ProcessTuning;
import org.jkeepalived.netlink.sys.ErrnoException;
import org.jkeepalived.netlink.sys.LibC;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies a child's {@code *_priority}, {@code *_cpu_affinity}, {@code *_no_swap} and {@code *_rlimit_rttime}
 * to the running JVM, as keepalived applies them to its child process ({@link #processName} takes the name
 * ProcessNames resolves, {@code *_process_name} included). A setting
 * the kernel refuses is logged with keepalived's words and the child runs on without it.
 *
 * <p>Nice value and CPU affinity belong to threads on Linux and are inherited by the threads created
 * later, so they are set on every thread the JVM has when this runs. Memory is locked with
 * {@code MCL_CURRENT | MCL_FUTURE | MCL_ONFAULT}, as keepalived does: pages are locked as they are first
 * touched, so the reserved but untouched part of the heap does not become resident.
 */
public final class ProcessScheduling {
    /** keepalived's default {@code *_rlimit_rttime}, in microseconds (RT_RLIMIT_DEFAULT). */
    public static final long DEFAULT_RLIMIT_RTTIME = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger(ProcessScheduling.class);
    /** The kernel keeps 15 bytes of a thread's name. */
    private static final int COMM_LENGTH = 15;

    private ProcessScheduling() {
    }

    /**
     * Applies the whole-process settings of {@code tuning} for the child called {@code process} ("vrrp",
     * "checker") and returns its timing threads, at {@code *_rt_priority} (0 when absent). When a
     * real-time priority is set, so is RLIMIT_RTTIME.
     */
    public static TimingThreads apply(ProcessTuning tuning, String process) {
        tuning.priority().ifPresent(ProcessScheduling::nice);
        if (!tuning.cpuAffinity().isEmpty()) {
            affinity(tuning.cpuAffinity(), process);
        }
        if (tuning.noSwap()) {
            lockMemory();
        }
        int rt = tuning.rtPriority().orElse(0);
        if (rt > 0) {
            limitRealtime(tuning.rlimitRttime().orElse(DEFAULT_RLIMIT_RTTIME));
        }
        return new TimingThreads(rt);
    }

    /**
     * Sets RLIMIT_RTTIME as keepalived does: the soft limit at half of {@code micros} (SIGXCPU, a warning
     * worth logging), the hard limit at {@code micros} (SIGKILL): CPU time a real-time thread may use
     * without blocking.
     */
    public static void limitRealtime(long micros) {
        Memory rlim = new Memory(16);
        rlim.setLong(0, micros / 2);
        rlim.setLong(8, micros);
        if (LibC.setrlimit(LibC.RLIMIT_RTTIME, rlim) < 0) {
            LOG.warn("child process cannot set realtime rlimit");
        }
    }

    /** Names the process as {@code ps}, {@code top} and {@code pgrep} show it (keepalived's process_name). */
    public static void processName(String name) {
        byte[] b = name.getBytes(StandardCharsets.UTF_8);
        String comm = new String(b, 0, Math.min(b.length, COMM_LENGTH), StandardCharsets.UTF_8);
        try {
            // the main thread's name is the process's: /proc/self/comm is the thread group leader's
            Files.writeString(Path.of("/proc/self/comm"), comm);
        } catch (IOException e) {
            LOG.info("Unable to set process name to {} - {}", name, e.getMessage());
        }
    }

    private static void nice(int nice) {
        try {
            for (int tid : ThreadScheduling.processThreads()) {
                ThreadScheduling.nice(tid, nice);
            }
        } catch (IOException e) {
            LOG.info("Unable to set process priority to {} - {}", nice, e.getMessage());
        }
    }

    private static void affinity(List<Integer> cpus, String process) {
        try {
            for (int tid : ThreadScheduling.processThreads()) {
                ThreadScheduling.affinity(tid, cpus);
            }
        } catch (IOException e) {
            LOG.warn("unable to set cpu affinity to {} process ({})", process, e.getMessage());
        }
    }

    private static void lockMemory() {
        int rc = LibC.mlockall(LibC.MCL_CURRENT | LibC.MCL_FUTURE | LibC.MCL_ONFAULT);
        if (rc < 0) {
            LOG.info("Unable to lock process in memory - {}",
                    new ErrnoException("mlockall", null, Native.getLastError()).getMessage());
        }
    }
}
