package org.jkeepalived.netlink.sched;

import com.sun.jna.Memory;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jkeepalived.netlink.sys.ErrnoException;
import org.jkeepalived.netlink.sys.LibC;

/**
 * The kernel's scheduling attributes of one thread, by thread id: policy and real-time priority, nice
 * value and CPU affinity. On Linux each of them belongs to a thread, not to the process, and a new thread
 * inherits them from the thread that creates it; so changing a whole JVM means changing every thread
 * listed in {@code /proc/self/task}.
 */
public final class ThreadScheduling {
    private static final Path TASKS = Path.of("/proc/self/task");

    private ThreadScheduling() {
    }

    /** The calling thread's kernel id (what {@code ps -L} shows as LWP). */
    public static int currentThreadId() {
        return LibC.gettid();
    }

    /**
     * Puts a thread under SCHED_RR at {@code priority} (1..99) with SCHED_RESET_ON_FORK, as keepalived
     * does for its child processes: what that thread creates starts under SCHED_OTHER again.
     */
    public static void realtime(int tid, int priority) throws ErrnoException {
        setScheduler(tid, LibC.SCHED_RR | LibC.SCHED_RESET_ON_FORK, priority, "SCHED_RR " + priority);
    }

    /** Puts a thread back under SCHED_OTHER. */
    public static void normal(int tid) throws ErrnoException {
        setScheduler(tid, LibC.SCHED_OTHER, 0, "SCHED_OTHER");
    }

    /** Whether a thread runs under SCHED_RR (or SCHED_FIFO). */
    public static boolean isRealtime(int tid) throws ErrnoException {
        int policy = ErrnoException.check(LibC.sched_getscheduler(tid), "sched_getscheduler", "tid " + tid);
        int base = policy & ~LibC.SCHED_RESET_ON_FORK;
        return base == 1 || base == LibC.SCHED_RR;
    }

    /** Sets a thread's nice value (-20..19). */
    public static void nice(int tid, int nice) throws ErrnoException {
        ErrnoException.check(LibC.setpriority(LibC.PRIO_PROCESS, tid, nice), "setpriority", "tid " + tid);
    }

    /** Restricts a thread to the given CPUs. */
    public static void affinity(int tid, List<Integer> cpus) throws ErrnoException {
        int max = cpus.stream().mapToInt(Integer::intValue).max().orElse(0);
        long words = Math.max(16, max / 64 + 1); // at least glibc's cpu_set_t (1024 CPUs)
        Memory mask = new Memory(words * 8);
        mask.clear();
        for (int cpu : cpus) {
            long word = cpu / 64;
            mask.setLong(word * 8, mask.getLong(word * 8) | 1L << (cpu % 64));
        }
        ErrnoException.check(LibC.sched_setaffinity(tid, mask.size(), mask), "sched_setaffinity", "tid " + tid);
    }

    /** The ids of this process's threads now. */
    public static List<Integer> processThreads() throws IOException {
        List<Integer> ids = new ArrayList<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS)) {
            for (Path t : tasks) {
                ids.add(Integer.parseInt(t.getFileName().toString()));
            }
        }
        return ids;
    }

    private static void setScheduler(int tid, int policy, int priority, String what) throws ErrnoException {
        Memory param = new Memory(4);
        param.setInt(0, priority);
        ErrnoException.check(LibC.sched_setscheduler(tid, policy, param), "sched_setscheduler",
                "tid " + tid + ", " + what);
    }
}
