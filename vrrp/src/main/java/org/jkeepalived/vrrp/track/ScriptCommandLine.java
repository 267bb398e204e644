package org.jkeepalived.vrrp.track;

import java.util.ArrayList;
import java.util.List;
import org.jkeepalived.core.config.ScriptCommand;
import org.jkeepalived.core.config.ScriptVerdict;

/**
 * Builds the argv that runs a script as keepalived 2.2.7 runs it: the command's words exec'd directly (no
 * shell; keepalived splits the line itself and a file without {@code #!} does not run), or
 * {@code /bin/sh -c LINE} for a {@code </path} file-open test; extra arguments (the {@code notify}
 * script's {@code INSTANCE name state priority}) follow the configured ones. A JVM cannot change its user,
 * so a script that must run as another uid/gid than ours is started through util-linux's
 * {@code setpriv --reuid --regid --clear-groups}. Pure.
 */
public final class ScriptCommandLine {
    static final String SETPRIV = "setpriv";

    private ScriptCommandLine() {
    }

    /**
     * The argv for {@code command} with {@code extra} arguments, run as the verdict's user by a process whose
     * own uid/gid are {@code ourUid}/{@code ourGid}.
     */
    public static List<String> argv(ScriptCommand command, List<String> extra, ScriptVerdict verdict, int ourUid,
                                    int ourGid) {
        List<String> argv = new ArrayList<>();
        if (verdict.uid() >= 0 && (verdict.uid() != ourUid || verdict.gid() != ourGid)) {
            argv.add(SETPRIV);
            argv.add("--reuid=" + verdict.uid());
            argv.add("--regid=" + verdict.gid());
            argv.add("--clear-groups");
            argv.add("--");
        }
        if (verdict.viaShell()) {
            StringBuilder line = new StringBuilder(command.command());
            for (String e : extra) {
                line.append(' ').append(shellQuote(e));
            }
            argv.add("/bin/sh");
            argv.add("-c");
            argv.add(line.toString());
        } else {
            argv.addAll(command.words());
            argv.addAll(extra);
        }
        return argv;
    }

    /** Quotes one word for /bin/sh: inside single quotes, with each single quote closed, escaped and reopened. */
    static String shellQuote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
