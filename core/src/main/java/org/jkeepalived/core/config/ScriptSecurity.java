package org.jkeepalived.core.config;

import java.util.Optional;
import java.util.OptionalInt;
import org.jkeepalived.core.config.HostFiles.Account;
import org.jkeepalived.core.config.ScriptFileCheck.Finding;
import org.jkeepalived.core.config.global.GlobalDefs;
import org.jkeepalived.core.config.global.NotifyFifo;
import org.jkeepalived.core.config.lvs.RealServer;
import org.jkeepalived.core.config.lvs.VirtualServer;
import org.jkeepalived.core.config.lvs.check.Checker;
import org.jkeepalived.core.config.lvs.check.MiscCheck;
import org.jkeepalived.core.config.vrrp.NotifyScripts;
import org.jkeepalived.core.config.vrrp.VrrpInstance;
import org.jkeepalived.core.config.vrrp.VrrpScript;
import org.jkeepalived.core.config.vrrp.VrrpSyncGroup;

/**
 * keepalived 2.2.7's view of the scripts a configuration names, as it reports it at {@code -t}: which user each
 * script runs as, whether its program exists, and whether root would run a file a non-root user could replace.
 *
 * <p>What is reported, and how, follows what keepalived -t makes of it (checked against the binary):
 * <ul>
 *   <li>a {@code script_user} that does not exist is an error (keepalived exits 5);</li>
 *   <li>a {@code vrrp_script} whose program is missing, or insecure under {@code enable_script_security}, or
 *       whose user cannot be resolved, is an error: keepalived disables it and fails -t;</li>
 *   <li>a notify, quorum, FIFO or MISC_CHECK script with the same problems is dropped silently, as keepalived
 *       logs it only at info level and still passes -t;</li>
 *   <li>without {@code enable_script_security}, any script whose program exists makes keepalived print
 *       "SECURITY VIOLATION - scripts are being executed but script_security not enabled." and exit 6: a
 *       warning here, placed at the first such script (keepalived gives no line). The VRRP side (only with a
 *       vrrp_instance), the checker side (only with a virtual_server) and the start/shutdown scripts each
 *       report it once, with keepalived's wording for each.</li>
 * </ul>
 * keepalived terminates itself (exit 143) at -t when it checks a script as a non-root user; that is a
 * keepalived fault and is not copied: such scripts are checked here as keepalived's code intends.
 */
public final class ScriptSecurity {
    static final String DEFAULT_USER = "keepalived_script";

    private final HostFiles files;
    private final GlobalDefs global;
    private final Diagnostics d;
    private final ScriptFileCheck fileCheck;
    /** The uid/gid of scripts without their own user; empty when keepalived cannot set one. */
    private final Optional<Account> defaultUser;
    private boolean defaultUserFailureReported;

    private ScriptSecurity(HostFiles files, GlobalDefs global, Diagnostics d) {
        this.files = files;
        this.global = global;
        this.d = d;
        this.fileCheck = new ScriptFileCheck(files, global.enableScriptSecurity());
        this.defaultUser = defaultUser();
    }

    /** Checks every script of {@code config} against the host's files and users, adding what keepalived reports. */
    public static void check(KeepalivedConfig config, HostFiles files, Diagnostics d) {
        new ScriptSecurity(files, config.global(), d).run(config);
    }

    private void run(KeepalivedConfig config) {
        if (!config.vrrp().instances().isEmpty()) {
            Side vrrp = new Side("scripts");
            for (VrrpScript s : config.vrrp().scripts()) {
                trackScript(vrrp, s);
            }
            for (VrrpInstance i : config.vrrp().instances()) {
                notifyScripts(vrrp, i.notifyScripts(), true);
            }
            for (VrrpSyncGroup g : config.vrrp().syncGroups()) {
                notifyScripts(vrrp, g.notifyScripts(), false);
            }
            fifoScript(vrrp, global.notifyFifo());
            fifoScript(vrrp, global.vrrpNotifyFifo());
            vrrp.report();
        }
        if (!config.lvs().virtualServers().isEmpty()) {
            Side checker = new Side("check scripts");
            for (VirtualServer vs : config.lvs().virtualServers()) {
                for (RealServer rs : vs.realServers()) {
                    for (Checker c : rs.checkers()) {
                        if (c instanceof MiscCheck m) {
                            otherScript(checker, m.script());
                        }
                    }
                }
            }
            for (VirtualServer vs : config.lvs().virtualServers()) {
                vs.quorumUp().ifPresent(s -> otherScript(checker, s));
                vs.quorumDown().ifPresent(s -> otherScript(checker, s));
                for (RealServer rs : vs.realServers()) {
                    rs.notifyUp().ifPresent(s -> otherScript(checker, s));
                    rs.notifyDown().ifPresent(s -> otherScript(checker, s));
                }
            }
            fifoScript(checker, global.notifyFifo());
            fifoScript(checker, global.lvsNotifyFifo());
            checker.report();
        }
        Side parent = new Side("start/shutdown scripts");
        global.startupScript().ifPresent(s -> otherScript(parent, s));
        global.shutdownScript().ifPresent(s -> otherScript(parent, s));
        parent.report();
    }

    /** The scripts one keepalived process checks together, and what they found. */
    private final class Side {
        private final String what;
        private Optional<SourceLocation> firstScript = Optional.empty();
        private boolean insecure;

        Side(String what) {
            this.what = what;
        }

        void add(ScriptFileCheck.Result r, SourceLocation at) {
            if (r.has(Finding.IS_SCRIPT) && firstScript.isEmpty()) {
                firstScript = Optional.of(at);
            }
            insecure |= r.has(Finding.INSECURE);
        }

        void report() {
            if (!global.enableScriptSecurity() && firstScript.isPresent()) {
                d.warning(firstScript.get(), "", "SECURITY VIOLATION - " + what
                        + " are being executed but script_security not enabled."
                        + (insecure ? " There are insecure scripts." : "")
                        + " Set enable_script_security in global_defs (and script_user to a non-root user)");
            }
        }
    }

    private void trackScript(Side side, VrrpScript s) {
        ScriptCommand cmd = new ScriptCommand(s.script(), s.user(), s.group(), s.location());
        Optional<Account> runAs = runAs(cmd);
        if (runAs.isEmpty()) {
            d.error(s.location(), "vrrp_script", "(" + s.name() + ") cannot set the user to run " + s.script()
                    + " as; the script is disabled");
            return;
        }
        ScriptFileCheck.Result r = fileCheck.check(cmd.program(), runAs.get().uid(), runAs.get().gid());
        side.add(r, s.location());
        if (r.has(Finding.INHIBIT)) {
            d.error(s.location(), "vrrp_script", "(" + s.name() + ") disabling track script due to insecure "
                    + r.insecurePath().map(p -> "permissions of " + p).orElse("path")
                    + ": it would run as root but a non-root user can change it");
        } else if (r.has(Finding.NOT_FOUND)) {
            d.error(s.location(), "vrrp_script", "(" + s.name() + ") disabling track script since "
                    + cmd.program() + " is not found/accessible");
        }
    }

    private void notifyScripts(Side side, NotifyScripts n, boolean instance) {
        n.backup().ifPresent(s -> otherScript(side, s));
        n.master().ifPresent(s -> otherScript(side, s));
        n.fault().ifPresent(s -> otherScript(side, s));
        n.stop().ifPresent(s -> otherScript(side, s));
        if (instance) {
            n.deleted().ifPresent(s -> otherScript(side, s));
        }
        n.any().ifPresent(s -> otherScript(side, s));
        if (instance) {
            n.masterRxLowerPri().ifPresent(s -> otherScript(side, s));
        }
    }

    private void fifoScript(Side side, Optional<NotifyFifo> fifo) {
        fifo.flatMap(NotifyFifo::script).ifPresent(s -> otherScript(side, s));
    }

    /** A script keepalived drops silently when it is missing or insecure (it only logs that). */
    private void otherScript(Side side, ScriptCommand s) {
        Optional<Account> runAs = runAs(s);
        if (runAs.isPresent()) {
            side.add(fileCheck.check(s.program(), runAs.get().uid(), runAs.get().gid()), s.location());
        }
    }

    /** The uid/gid the script runs as: its own user (and group), else the default script user. */
    private Optional<Account> runAs(ScriptCommand s) {
        if (s.user().isPresent()) {
            return resolve(s.user().get(), s.group());
        }
        if (defaultUser.isEmpty() && !defaultUserFailureReported && global.scriptUser().isEmpty()) {
            // keepalived says this once, at the first script that needs the default user.
            defaultUserFailureReported = true;
            d.error(s.location(), "", "enable_script_security is set but there is no script_user and no user "
                    + DEFAULT_USER + ": scripts without their own user will not run");
        }
        return defaultUser;
    }

    private Optional<Account> defaultUser() {
        if (global.scriptUser().isPresent()) {
            Optional<Account> a = resolve(global.scriptUser().get(), global.scriptGroup());
            if (a.isEmpty()) {
                SourceLocation at = global.location().orElse(new SourceLocation("global_defs", 0));
                d.error(at, "script_user", "cannot set the global script uid/gid: user " + global.scriptUser().get()
                        + global.scriptGroup().map(g -> " or group " + g).orElse("") + " does not exist");
            }
            return a;
        }
        Optional<Account> keepalivedScript = files.user(DEFAULT_USER);
        if (keepalivedScript.isPresent()) {
            return keepalivedScript;
        }
        // Without the user keepalived falls back to root, unless script security forbids it.
        return global.enableScriptSecurity() ? Optional.empty() : Optional.of(new Account(0, 0));
    }

    private Optional<Account> resolve(String user, Optional<String> group) {
        Optional<Account> a = files.user(user);
        if (a.isEmpty() || group.isEmpty()) {
            return a;
        }
        OptionalInt gid = files.group(group.get());
        return gid.isPresent() ? Optional.of(new Account(a.get().uid(), gid.getAsInt())) : Optional.empty();
    }

}
