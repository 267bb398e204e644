package org.jkeepalived.watchdog;

import java.util.Optional;
import org.jkeepalived.core.config.global.GlobalDefs;
import org.jkeepalived.core.config.global.ProcessTuning;
import org.jkeepalived.core.time.AutoPriority;
import org.jkeepalived.core.time.ThreadScheduler;
import org.jkeepalived.netlink.sched.ProcessScheduling;
import org.jkeepalived.netlink.sched.TimingThreads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * How a child JVM takes its process settings from global_defs, as keepalived's children do: name, nice
 * value, CPU affinity, memory lock and RLIMIT_RTTIME for the whole process ({@link ProcessScheduling});
 * SCHED_RR at {@code *_rt_priority} for its timing threads only ({@link TimingThreads}); SIGXCPU (the soft
 * RLIMIT_RTTIME) logged with keepalived's words; and {@code max_auto_priority}: a timer that runs more than
 * {@code min_auto_priority_delay} late raises the timing threads' real-time priority by one.
 */
final class ChildScheduling {
    private static final Logger LOG = LoggerFactory.getLogger("org.jkeepalived.Keepalived");

    private ChildScheduling() {
    }

    /**
     * Applies the settings of the child {@code process} ("vrrp" or "checker", as in the keywords) before its
     * threads start, and returns its timing threads.
     */
    static TimingThreads apply(GlobalDefs global, String process, Optional<String> name) {
        ProcessTuning tuning = process.equals("vrrp") ? global.vrrpProcess() : global.checkerProcess();
        name.ifPresent(ProcessScheduling::processName);
        TimingThreads timing = ProcessScheduling.apply(tuning, process);
        AutoPriority auto = AutoPriority.of(global.maxAutoPriority(), global.minAutoPriorityDelay());
        if (tuning.rtPriority().isPresent() || auto.enabled()) {
            handleSigxcpu(process);
        }
        return timing;
    }

    /**
     * Makes {@code scheduler}'s thread a timing thread, after the tasks queued so far (the start of every
     * instance, which should not run under SCHED_RR), and raises the timing threads' priority when the
     * scheduler runs late and {@code max_auto_priority} allows.
     */
    static void join(ThreadScheduler scheduler, TimingThreads timing, GlobalDefs global, String process) {
        scheduler.execute(timing::join);
        AutoPriority auto = AutoPriority.of(global.maxAutoPriority(), global.minAutoPriorityDelay());
        if (!auto.enabled()) {
            return;
        }
        ProcessTuning tuning = process.equals("vrrp") ? global.vrrpProcess() : global.checkerProcess();
        long rttime = tuning.rlimitRttime().orElse(ProcessScheduling.DEFAULT_RLIMIT_RTTIME);
        scheduler.onLate(auto.minDelay().toNanos(), lateNanos -> {
            LOG.info("A thread timer expired {}.{} seconds ago", lateNanos / 1_000_000_000,
                    String.format("%06d", lateNanos / 1_000 % 1_000_000));
            int current = timing.priority();
            int next = auto.next(current);
            if (next != current) {
                if (current == 0) {
                    ProcessScheduling.limitRealtime(rttime);
                }
                timing.priority(next);
                LOG.info("Set realtime priority {}", next);
            }
        });
    }

    private static void handleSigxcpu(String process) {
        String who = process.equals("vrrp") ? "VRRP" : "Checker";
        try {
            Signal.handle(new Signal("XCPU"), s -> LOG.info(
                    "{} process has used too much CPU time, {}_rlimit_rttime may need to be increased", who, process));
        } catch (IllegalArgumentException e) {
            LOG.debug("SIGXCPU cannot be handled: {}", e.getMessage());
        }
    }
}
