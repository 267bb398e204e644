package org.jkeepalived.checkers.daemon;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jkeepalived.core.config.KeepalivedConfig;
import org.jkeepalived.core.config.ScriptCommand;
import org.jkeepalived.core.config.ScriptVerdict;
import org.jkeepalived.core.config.lvs.LvsConfig;
import org.jkeepalived.core.config.lvs.RealServer;
import org.jkeepalived.core.config.lvs.VirtualServer;
import org.jkeepalived.core.config.lvs.check.Checker;
import org.jkeepalived.core.config.lvs.check.MiscCheck;

/**
 * The MISC_CHECK scripts as keepalived 2.2.7's checker process vets them when it starts: each {@code misc_path}
 * runs as the checker's {@code user} (else {@code script_user}, else {@code keepalived_script}, else root unless
 * {@code enable_script_security}); a script that cannot run as that user, is missing, is not executable or (under
 * script security) could be replaced by a non-root user while it would run as root is removed from its real
 * server, which then behaves as if that checker had never been written (checked in keepalived 2.2.7 over IPVS:
 * a real server whose only MISC_CHECK is removed is added and never checked). Log lines are keepalived's. Pure:
 * the verdicts come from the caller.
 */
final class MiscScripts {
    /** The configuration without the removed checkers, and the argv each remaining MISC_CHECK runs. */
    record Vetted(KeepalivedConfig config, Map<MiscCheck, List<String>> argv) {
    }

    private MiscScripts() {
    }

    /**
     * Vets every MISC_CHECK of {@code c}; {@code verdicts} decides per script (core's {@link ScriptVerdict}) and
     * {@code ourUid}/{@code ourGid} are this process's, so that only a change of user goes through setpriv.
     */
    static Vetted vet(KeepalivedConfig c, Function<ScriptCommand, ScriptVerdict> verdicts, int ourUid, int ourGid,
                      Consumer<String> log) {
        Map<MiscCheck, List<String>> argv = new HashMap<>();
        boolean[] defaultUserReported = new boolean[1];
        List<VirtualServer> vss = new ArrayList<>();
        for (VirtualServer vs : c.lvs().virtualServers()) {
            List<RealServer> rss = new ArrayList<>();
            for (RealServer rs : vs.realServers()) {
                List<Checker> kept = new ArrayList<>();
                for (Checker ch : rs.checkers()) {
                    if (!(ch instanceof MiscCheck m)) {
                        kept.add(ch);
                        continue;
                    }
                    ScriptVerdict v = verdicts.apply(m.script());
                    if (v.runnable()) {
                        argv.put(m, argv(m.script(), v, ourUid, ourGid));
                        kept.add(ch);
                    } else {
                        refused(m.script(), v.reason(), defaultUserReported, log);
                    }
                }
                rss.add(kept.size() == rs.checkers().size() ? rs : withCheckers(rs, kept));
            }
            vss.add(rss.equals(vs.realServers()) ? vs : withRealServers(vs, rss));
        }
        if (!argv.isEmpty() && !c.global().enableScriptSecurity()) {
            log.accept("SECURITY VIOLATION - check scripts are being executed but script_security not enabled.");
        }
        LvsConfig lvs = new LvsConfig(c.lvs().groups(), vss, c.lvs().ssl());
        return new Vetted(new KeepalivedConfig(c.file(), c.global(), c.vrrp(), lvs), argv);
    }

    /**
     * keepalived's lines for a removed script. The reason is {@link ScriptVerdict}'s text, whose openings are
     * fixed: "cannot resolve user", "no script_user", "insecure", "… is not found/accessible", "script '…' is not
     * executable …".
     */
    private static void refused(ScriptCommand s, String reason, boolean[] defaultUserReported, Consumer<String> log) {
        if (reason.startsWith("cannot resolve user")) {
            if (s.group().isEmpty()) {
                log.accept("Script user '" + s.user().orElse("") + "' does not exist");
            }
            log.accept("Failed to set uid/gid for misc checker script '" + s.command() + "' - removing");
        } else if (reason.startsWith("no script_user")) {
            if (!defaultUserReported[0]) {
                defaultUserReported[0] = true;
                log.accept("Script user 'keepalived_script' does not exist");
                log.accept("Unable to set default user keepalived_script for script");
            }
            log.accept("Unable to set default user for misc script '" + s.command() + "' - removing");
        } else if (reason.startsWith("insecure")) {
            log.accept("Unsafe permissions found for script '" + s.program() + "' - disabling.");
            log.accept("Disabling misc script " + quoted(s) + " due to insecure");
        } else if (reason.endsWith("is not found/accessible")) {
            log.accept("Disabling misc script " + quoted(s) + " since not found/accessible");
        } else {
            log.accept("WARNING - " + reason + " - disabling.");
        }
    }

    /** keepalived's cmd_str: each word in single quotes, separated by blanks. */
    static String quoted(ScriptCommand s) {
        return s.words().stream().map(w -> "'" + w + "'").collect(Collectors.joining(" "));
    }

    /**
     * The argv: the words exec'd directly, or {@code /bin/sh -c} for a {@code </path} test; a JVM cannot change
     * its user, so another uid/gid goes through util-linux's {@code setpriv}.
     */
    static List<String> argv(ScriptCommand s, ScriptVerdict v, int ourUid, int ourGid) {
        List<String> out = new ArrayList<>();
        if (v.uid() >= 0 && (v.uid() != ourUid || v.gid() != ourGid)) {
            out.addAll(List.of("setpriv", "--reuid=" + v.uid(), "--regid=" + v.gid(), "--clear-groups", "--"));
        }
        if (v.viaShell()) {
            out.addAll(List.of("/bin/sh", "-c", s.command()));
        } else {
            out.addAll(s.words());
        }
        return out;
    }

    private static RealServer withCheckers(RealServer rs, List<Checker> checkers) {
        return new RealServer(rs.address(), rs.port(), rs.weight(), rs.forwarding(), rs.notifyUp(), rs.notifyDown(),
                rs.uThreshold(), rs.lThreshold(), rs.smtpAlert(), rs.virtualhost(), rs.snmpName(),
                rs.inhibitOnFailure(), rs.checkDefaults(), checkers, rs.location());
    }

    private static VirtualServer withRealServers(VirtualServer vs, List<RealServer> rss) {
        return new VirtualServer(vs.target(), vs.protocol(), vs.scheduler(), vs.flags(), vs.forwarding(),
                vs.persistenceTimeout(), vs.persistenceGranularity(), vs.persistenceEngine(), vs.family(),
                vs.haSuspend(), vs.smtpAlert(), vs.virtualhost(), vs.snmpName(), vs.omega(), vs.quorum(),
                vs.hysteresis(), vs.quorumUp(), vs.quorumDown(), vs.inhibitOnFailure(), vs.weight(),
                vs.checkDefaults(), vs.sorryServer(), rss, vs.location());
    }
}
