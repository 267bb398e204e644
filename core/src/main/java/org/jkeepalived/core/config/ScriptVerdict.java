package org.jkeepalived.core.config;

import java.util.Optional;
import java.util.OptionalInt;
import org.jkeepalived.core.config.HostFiles.Account;
import org.jkeepalived.core.config.ScriptFileCheck.Finding;
import org.jkeepalived.core.config.global.GlobalDefs;

/**
 * Whether and how one script may run, as keepalived 2.2.7 decides when it starts its scripts: the uid/gid it
 * runs as (its own user, else {@code script_user}, else {@code keepalived_script}, else root unless
 * {@code enable_script_security}), whether it goes through {@code /bin/sh} (a {@code </path} file-open test)
 * or is exec'd directly, and, for a refused script, the reason in words. The same checks as
 * {@link ScriptSecurity} makes at load time (both use {@link ScriptFileCheck}), but per script, for the code
 * that runs them.
 *
 * @param runnable  false when keepalived would not run the script
 * @param uid       the user to run as
 * @param gid       the group to run as
 * @param viaShell  run {@code /bin/sh -c COMMAND} instead of exec'ing the words
 * @param reason    why the script is refused (empty when runnable)
 */
public record ScriptVerdict(boolean runnable, int uid, int gid, boolean viaShell, String reason) {
    private static final String DEFAULT_USER = ScriptSecurity.DEFAULT_USER;

    /** A script allowed to run as {@code uid:gid}, exec'd directly. */
    public static ScriptVerdict run(int uid, int gid) {
        return new ScriptVerdict(true, uid, gid, false, "");
    }

    /** Decides for {@code command}; the program is looked for as the user the script would run as. */
    public static ScriptVerdict of(ScriptCommand command, GlobalDefs global, HostFiles files) {
        Optional<Account> runAs = runAs(command.user(), command.group(), global, files);
        if (runAs.isEmpty()) {
            return refused(command.user().isPresent()
                    ? "cannot resolve user " + command.user().get() + command.group().map(g -> " group " + g).orElse("")
                    : "no script_user and no user " + DEFAULT_USER + " while enable_script_security is set");
        }
        int uid = runAs.get().uid();
        int gid = runAs.get().gid();
        ScriptFileCheck.Result r = new ScriptFileCheck(files, global.enableScriptSecurity())
                .check(command.program(), uid, gid);
        if (r.has(Finding.SHELL_REDIRECT)) {
            return new ScriptVerdict(true, uid, gid, true, "");
        }
        if (r.has(Finding.INHIBIT)) {
            return refused("insecure " + r.insecurePath().map(p -> "permissions of " + p).orElse("path")
                    + ": it would run as root but a non-root user can change it (enable_script_security)");
        }
        if (r.has(Finding.NOT_FOUND)) {
            return refused(command.program() + " is not found/accessible");
        }
        if (!r.has(Finding.EXECUTABLE)) {
            return refused("script '" + command.program() + "' is not executable for uid:gid " + uid + ":" + gid);
        }
        return run(uid, gid);
    }

    /**
     * Who owns a file keepalived creates for a {@code [username [groupname]]} pair (a notify FIFO), as
     * keepalived 2.2.7 does (checked against the binary): the user named, in the group named or else the user's
     * primary group; without a user, the user scripts run as by default ({@code script_user}, else
     * {@code keepalived_script}, else root). Empty when a name does not resolve or script security leaves no
     * default user.
     */
    public static Optional<Account> owner(Optional<String> user, Optional<String> group, GlobalDefs global,
                                          HostFiles files) {
        return runAs(user, group, global, files);
    }

    private static ScriptVerdict refused(String reason) {
        return new ScriptVerdict(false, -1, -1, false, reason);
    }

    private static Optional<Account> runAs(Optional<String> user, Optional<String> group, GlobalDefs global,
                                           HostFiles files) {
        if (user.isPresent()) {
            return resolve(user.get(), group, files);
        }
        if (global.scriptUser().isPresent()) {
            return resolve(global.scriptUser().get(), global.scriptGroup(), files);
        }
        Optional<Account> keepalivedScript = files.user(DEFAULT_USER);
        if (keepalivedScript.isPresent()) {
            return keepalivedScript;
        }
        return global.enableScriptSecurity() ? Optional.empty() : Optional.of(new Account(0, 0));
    }

    private static Optional<Account> resolve(String user, Optional<String> group, HostFiles files) {
        Optional<Account> a = files.user(user);
        if (a.isEmpty() || group.isEmpty()) {
            return a;
        }
        OptionalInt gid = files.group(group.get());
        return gid.isPresent() ? Optional.of(new Account(a.get().uid(), gid.getAsInt())) : Optional.empty();
    }
}
