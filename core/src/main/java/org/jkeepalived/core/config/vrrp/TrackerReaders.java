package org.jkeepalived.core.config.vrrp;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.jkeepalived.core.config.Arguments;
import org.jkeepalived.core.config.ConfigNode;
import org.jkeepalived.core.config.Diagnostics;
import org.jkeepalived.core.config.KeywordTable;

/**
 * Reads the things instances track by name: {@code vrrp_script}, {@code track_file} (and its old
 * name {@code vrrp_track_file}) and {@code vrrp_track_process} blocks.
 */
final class TrackerReaders {
    private static final Duration MAX_SECONDS = Duration.ofSeconds(Integer.MAX_VALUE);

    private TrackerReaders() {
    }

    /**
     * A vrrp_script interval or timeout: keepalived 2.2.7 takes whole seconds 0..4294 only (a fraction or a larger
     * number is an error and the line is ignored) and turns 0 into 1 with a warning.
     */
    private static Optional<Duration> scriptSeconds(ConfigNode n, String what, Diagnostics d) {
        return Arguments.integer(n, 0, (int) MAX_SCRIPT_SECONDS, d).stream().boxed().findFirst().map(v -> {
            if (v == 0) {
                d.warning(n, "vrrp script " + what + " must be greater than 0, using 1");
                return Duration.ofSeconds(1);
            }
            return Duration.ofSeconds(v);
        });
    }

    /** Mutable state of a vrrp_script while read. */
    private static final class Script {
        String script;
        Duration interval = VrrpScript.DEFAULT_INTERVAL;
        Duration timeout;
        int weight;
        boolean reverse;
        int rise = 1;
        int fall = 1;
        String user;
        String group;
        boolean initFail;
    }

    /** keepalived keeps script timers in microseconds in an unsigned 32-bit number: at most 4294 s. */
    private static final long MAX_SCRIPT_SECONDS = 4294;

    private static final KeywordTable<Script> SCRIPT = new KeywordTable<Script>("vrrp_script")
            .on("script", (b, n, d) -> {
                if (n.args().isEmpty()) {
                    d.error(n, "missing script");
                } else {
                    b.script = n.joinedArgs();
                }
            })
            .on("interval", (b, n, d) -> scriptSeconds(n, "interval", d).ifPresent(v -> b.interval = v))
            .on("timeout", (b, n, d) -> scriptSeconds(n, "timeout", d).ifPresent(v -> b.timeout = v))
            .on("weight", (b, n, d) -> Arguments.integer(n, -253, 253, d).ifPresent(v -> {
                b.weight = v;
                b.reverse = "reverse".equals(n.arg(1));
            }))
            .on("rise", (b, n, d) -> atLeastOne(n, d).ifPresent(v -> b.rise = v))
            .on("fall", (b, n, d) -> atLeastOne(n, d).ifPresent(v -> b.fall = v))
            .on("user", (b, n, d) -> Arguments.string(n, 0, "user name", d).ifPresent(v -> {
                b.user = v;
                b.group = n.arg(1);
            }))
            .on("init_fail", (b, n) -> b.initFail = true);

    static Optional<VrrpScript> script(ConfigNode block, Diagnostics d) {
        String name = blockName(block, d);
        if (name == null) {
            return Optional.empty();
        }
        Script b = new Script();
        SCRIPT.apply(b, block.children(), d);
        if (b.script == null) {
            d.error(block, "no script set for vrrp_script " + name + " - removing");
            return Optional.empty();
        }
        return Optional.of(new VrrpScript(name, b.script, b.interval, Optional.ofNullable(b.timeout), b.weight,
                b.reverse, b.rise, b.fall, Optional.ofNullable(b.user), Optional.ofNullable(b.group), b.initFail,
                block.location()));
    }

    /** Mutable state of a track_file while read. */
    private static final class File {
        String file;
        int weight = 1;
        boolean reverse;
        VrrpTrackFile.InitFile init;
    }

    private static final KeywordTable<File> FILE = new KeywordTable<File>("track_file")
            .on("file", (b, n, d) -> Arguments.string(n, 0, "file name", d).ifPresent(v -> b.file = v))
            .on("weight", (b, n, d) -> Arguments.integer(n, -2147483647, 2147483647, d).ifPresent(v -> {
                b.weight = v;
                b.reverse = "reverse".equals(n.arg(1));
            }))
            .on("init_file", (b, n, d) -> {
                int value = 0;
                boolean overwrite = false;
                for (int i = 0; i < n.args().size(); i++) {
                    if (n.arg(i).equals("overwrite")) {
                        overwrite = true;
                    } else {
                        var v = Arguments.integer(n, i, Integer.MIN_VALUE, Integer.MAX_VALUE, d);
                        if (v.isPresent()) {
                            value = v.getAsInt();
                        }
                    }
                }
                b.init = new VrrpTrackFile.InitFile(value, overwrite);
            });

    static Optional<VrrpTrackFile> trackFile(ConfigNode block, Diagnostics d) {
        String name = blockName(block, d);
        if (name == null) {
            return Optional.empty();
        }
        File b = new File();
        FILE.apply(b, block.children(), d);
        if (b.file == null) {
            d.error(block, "(" + name + ") no file specified - ignoring track_file");
            return Optional.empty();
        }
        return Optional.of(new VrrpTrackFile(name, b.file, b.weight, b.reverse, Optional.ofNullable(b.init),
                block.location()));
    }

    /** Mutable state of a vrrp_track_process while read. */
    private static final class Process {
        List<String> process = new ArrayList<>();
        String paramMatch;
        int weight = 1;
        boolean reverse;
        int quorum = 1;
        OptionalInt quorumMax = OptionalInt.empty();
        Duration forkDelay = Duration.ZERO;
        Duration terminateDelay = Duration.ZERO;
        boolean fullCommand;
    }

    private static final KeywordTable<Process> PROCESS = new KeywordTable<Process>("vrrp_track_process")
            .on("process", (b, n, d) -> {
                if (n.args().isEmpty()) {
                    d.error(n, "missing process name");
                } else {
                    b.process = new ArrayList<>(n.args());
                }
            })
            .on("param_match", (b, n, d) -> {
                if ("initial".equals(n.arg(0)) || "partial".equals(n.arg(0))) {
                    b.paramMatch = n.arg(0);
                } else {
                    d.error(n, "expected initial or partial - ignoring");
                }
            })
            .on("weight", (b, n, d) -> Arguments.integer(n, -254, 254, d).ifPresent(v -> {
                b.weight = v;
                b.reverse = "reverse".equals(n.arg(1));
            }))
            .on("quorum", (b, n, d) -> Arguments.integer(n, 0, 65535, d).ifPresent(v -> b.quorum = v))
            .on("quorum_max", (b, n, d) -> b.quorumMax = Arguments.integer(n, 0, 65535, d))
            .on("fork_delay", (b, n, d) -> Arguments.seconds(n, Duration.ZERO, MAX_SECONDS, d)
                    .ifPresent(v -> b.forkDelay = v))
            .on("terminate_delay", (b, n, d) -> Arguments.seconds(n, Duration.ZERO, MAX_SECONDS, d)
                    .ifPresent(v -> b.terminateDelay = v))
            .on("delay", (b, n, d) -> Arguments.seconds(n, Duration.ZERO, MAX_SECONDS, d).ifPresent(v -> {
                b.forkDelay = v;
                b.terminateDelay = v;
            }))
            .on("full_command", (b, n) -> b.fullCommand = true);

    static Optional<VrrpTrackProcess> trackProcess(ConfigNode block, Diagnostics d) {
        String name = blockName(block, d);
        if (name == null) {
            return Optional.empty();
        }
        Process b = new Process();
        PROCESS.apply(b, block.children(), d);
        if (b.process.isEmpty()) {
            d.error(block, "(" + name + ") no process specified - ignoring vrrp_track_process");
            return Optional.empty();
        }
        if (b.quorumMax.isPresent() && b.quorumMax.getAsInt() < b.quorum) {
            d.error(block, "(" + name + ") quorum_max " + b.quorumMax.getAsInt() + " is less than quorum " + b.quorum
                    + " - ignoring vrrp_track_process");
            return Optional.empty();
        }
        return Optional.of(new VrrpTrackProcess(name, b.process, Optional.ofNullable(b.paramMatch), b.weight,
                b.reverse, b.quorum, b.quorumMax, b.forkDelay, b.terminateDelay, b.fullCommand, block.location()));
    }

    static String blockName(ConfigNode block, Diagnostics d) {
        if (block.args().isEmpty()) {
            d.error(block, block.keyword() + " must have a name - skipping");
            return null;
        }
        return block.arg(0);
    }

    private static OptionalInt atLeastOne(ConfigNode n, Diagnostics d) {
        var v = Arguments.integer(n, 0, Integer.MAX_VALUE, d);
        if (v.isPresent() && v.getAsInt() == 0) {
            d.warning(n, "must be at least 1, using 1");
            return OptionalInt.of(1);
        }
        return v;
    }
}
