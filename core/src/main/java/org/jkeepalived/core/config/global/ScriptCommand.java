package org.jkeepalived.core.config.global;

import java.util.Optional;
import org.jkeepalived.core.config.ConfigNode;
import org.jkeepalived.core.config.Diagnostics;

/**
 * A script keepalived runs, as written after a keyword such as {@code notify_master} or
 * {@code notify_fifo_script}: the command line (one argument, quoted when it has parameters) and
 * the optional user and group to run it as. Without a user the global {@code script_user} applies.
 */
public record ScriptCommand(String command, Optional<String> user, Optional<String> group) {
    public ScriptCommand {
        java.util.Objects.requireNonNull(command, "command");
    }

    /** Reads {@code KEYWORD command [user [group]]} starting at argument {@code index}; errors when the command is missing. */
    public static Optional<ScriptCommand> parse(ConfigNode n, int index, Diagnostics d) {
        String cmd = n.arg(index);
        if (cmd == null || cmd.isEmpty()) {
            d.error(n, "missing script");
            return Optional.empty();
        }
        if (n.args().size() > index + 3) {
            d.warning(n, "extra arguments ignored: "
                    + String.join(" ", n.args().subList(index + 3, n.args().size())));
        }
        return Optional.of(new ScriptCommand(cmd, Optional.ofNullable(n.arg(index + 1)),
                Optional.ofNullable(n.arg(index + 2))));
    }
}
