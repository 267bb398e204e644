package org.jkeepalived.core.config.global;

import java.time.Duration;
import java.util.function.Function;
import org.jkeepalived.core.config.Arguments;
import org.jkeepalived.core.config.ConfigNode;
import org.jkeepalived.core.config.Diagnostics;
import org.jkeepalived.core.config.KeywordTable;

/** The global_defs keywords about child processes, LVS and interfaces. */
final class GlobalProcessKeywords {
    private GlobalProcessKeywords() {
    }

    static void register(KeywordTable<GlobalDefsBuilder> t) {
        tuning(t, "vrrp", b -> b.vrrpProcess);
        tuning(t, "checker", b -> b.checkerProcess);
        tuning(t, "bfd", b -> b.bfdProcess);
        // the parent's name and the defaults for every process: ProcessNames reads them back
        t.on("process_name", (b, n) -> b.other.put(n.keyword(), n.joinedArgs()));
        t.on("process_names", (b, n) -> b.other.put(n.keyword(), ""));
        t.on("max_auto_priority", (b, n, d) -> {
            if (n.args().isEmpty()) {
                b.maxAutoPriority = 99;
            } else {
                Arguments.integer(n, -1, 99, d).ifPresent(v -> b.maxAutoPriority = v);
            }
        });
        t.on("min_auto_priority_delay", (b, n, d) -> Arguments.integer(n, 1, 10_000_000, d)
                .ifPresent(v -> b.minAutoPriorityDelay = Duration.ofNanos(v * 1000L)));
        t.on("dynamic_interfaces", (b, n, d) -> {
            String opt = n.arg(0);
            if (opt == null) {
                b.dynamicInterfaces = true;
            } else if (opt.equals("allow_if_changes")) {
                b.dynamicInterfaces = true;
                b.allowIfChanges = true;
            } else {
                d.error(n, "unknown option '" + opt + "' - ignoring");
            }
        });
        t.on("default_interface", (b, n, d) -> Arguments.string(n, 0, "interface", d)
                .ifPresent(v -> b.defaultInterface = v));
        t.on("lvs_sync_daemon", (b, n, d) -> LvsSyncDaemonParser.parse(n, d).ifPresent(v -> b.lvsSyncDaemon = v));
        t.on("lvs_timeouts", GlobalProcessKeywords::lvsTimeouts);
        t.on("lvs_flush", (b, n) -> b.lvsFlush = true);
        t.on("lvs_flush_on_stop", (b, n, d) -> {
            String opt = n.arg(0);
            if (opt == null || opt.equals("VS")) {
                b.lvsFlushOnStop = opt == null ? "" : opt;
            } else {
                d.error(n, "unknown option '" + opt + "' - ignoring");
            }
        });
        t.alias("lvs_flush_onstop", "lvs_flush_on_stop");
    }

    private static void tuning(KeywordTable<GlobalDefsBuilder> t, String proc,
                               Function<GlobalDefsBuilder, GlobalDefsBuilder.Tuning> which) {
        t.on(proc + "_priority", (b, n, d) -> Arguments.integer(n, -20, 19, d)
                .ifPresent(v -> which.apply(b).priority = v));
        t.on(proc + "_no_swap", (b, n) -> which.apply(b).noSwap = true);
        t.on(proc + "_cpu_affinity", (b, n, d) -> {
            var list = which.apply(b).cpuAffinity;
            list.clear();
            for (int i = 0; i < n.args().size(); i++) {
                Arguments.integer(n, i, 0, 4095, d).ifPresent(list::add);
            }
        });
        t.on(proc + "_rt_priority", (b, n, d) -> Arguments.integer(n, 0, 1, Integer.MAX_VALUE, d).ifPresent(v -> {
            if (v > 99) {
                d.warning(n, "real-time priority " + v + " greater than maximum 99 - using 99");
            }
            which.apply(b).rtPriority = Math.min(v, 99);
        }));
        t.on(proc + "_rlimit_rttime", (b, n, d) -> Arguments.integer(n, 0, 1, Integer.MAX_VALUE, d)
                .ifPresent(v -> which.apply(b).rlimitRttime = (long) v));
        t.alias(proc + "_rlimit_rtime", proc + "_rlimit_rttime");
        t.on(proc + "_process_name", (b, n, d) -> Arguments.string(n, 0, "name", d)
                .ifPresent(v -> which.apply(b).processName = v));
    }

    private static void lvsTimeouts(GlobalDefsBuilder b, ConfigNode n, Diagnostics d) {
        if (n.args().isEmpty()) {
            d.error(n, "at least one of tcp, tcpfin or udp must be given");
            return;
        }
        for (int i = 0; i < n.args().size(); i++) {
            String k = n.arg(i);
            if (k.equals("tcp") || k.equals("tcpfin") || k.equals("udp")) {
                int at = ++i;
                GlobalDefsReader.wholeSeconds(n, at, 0, 86400 * 31, d).ifPresent(v -> b.lvsTimeouts.put(k, v));
            } else {
                d.warning(n, "unknown option " + k + " for lvs_timeouts - ignoring");
            }
        }
    }
}
