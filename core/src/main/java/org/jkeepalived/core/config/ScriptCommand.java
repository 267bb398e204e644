package org.jkeepalived.core.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A script keepalived runs, as written after a keyword such as {@code notify_master}, {@code quorum_up},
 * {@code misc_path} or {@code notify_fifo_script}: the command line (one argument, quoted when it has
 * parameters), the optional user and group to run it as (without a user the global {@code script_user}
 * applies) and where it was written.
 */
public record ScriptCommand(String command, Optional<String> user, Optional<String> group, SourceLocation location) {
    public ScriptCommand {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(location, "location");
    }

    /**
     * Reads {@code KEYWORD command [user [group]]} starting at argument {@code index}; errors when the command is
     * missing and warns about words after the group.
     */
    public static Optional<ScriptCommand> parse(ConfigNode n, int index, Diagnostics d) {
        Optional<ScriptCommand> s = parseLenient(n, index, d);
        if (s.isPresent() && n.args().size() > index + 3) {
            d.warning(n, "extra arguments ignored: " + String.join(" ", n.args().subList(index + 3, n.args().size())));
        }
        return s;
    }

    /** As {@link #parse} but ignoring extra words silently, as keepalived's checker keywords do. */
    public static Optional<ScriptCommand> parseLenient(ConfigNode n, int index, Diagnostics d) {
        String cmd = n.arg(index);
        if (cmd == null || cmd.isEmpty()) {
            d.error(n, "missing script");
            return Optional.empty();
        }
        return Optional.of(new ScriptCommand(cmd, Optional.ofNullable(n.arg(index + 1)),
                Optional.ofNullable(n.arg(index + 2)), n.location()));
    }

    /**
     * The words of the command line as keepalived splits it before exec: on blanks, with single and double
     * quotes grouping and a backslash escaping the next character.
     */
    public List<String> words() {
        List<String> out = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < command.length(); i++) {
            char c = command.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    w.append(c);
                }
            } else if (c == '\\' && i + 1 < command.length()) {
                w.append(command.charAt(++i));
                inWord = true;
            } else if (c == '"' || c == '\'') {
                quote = c;
                inWord = true;
            } else if (c == ' ' || c == '\t') {
                if (inWord) {
                    out.add(w.toString());
                    w.setLength(0);
                    inWord = false;
                }
            } else {
                w.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            out.add(w.toString());
        }
        return out;
    }

    /** The program the command runs: its first word (empty for a blank command). */
    public String program() {
        List<String> w = words();
        return w.isEmpty() ? "" : w.get(0);
    }
}
