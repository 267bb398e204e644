package org.jkeepalived.core.config;

import java.util.List;
import java.util.Objects;

/**
 * One statement of keepalived.conf after the language layer has done its work (comments, quotes,
 * continuations, includes, variables, conditionals and ~SEQ are all resolved): a keyword, its
 * arguments, and, when the statement opened a {@code { … }} block, the statements inside it.
 *
 * <p>Quoted arguments arrive unquoted; a {@code {}} block that was empty has {@code block() == true}
 * and no children. The location is that of the keyword.
 */
public record ConfigNode(String keyword, List<String> args, List<ConfigNode> children, boolean block,
                         SourceLocation location) {
    public ConfigNode {
        Objects.requireNonNull(keyword, "keyword");
        Objects.requireNonNull(location, "location");
        args = List.copyOf(args);
        children = List.copyOf(children);
    }

    /** A statement without a block. */
    public static ConfigNode line(String keyword, List<String> args, SourceLocation location) {
        return new ConfigNode(keyword, args, List.of(), false, location);
    }

    /** The i-th argument, or null when there are fewer. */
    public String arg(int i) {
        return i < args.size() ? args.get(i) : null;
    }

    /** The arguments joined by single spaces, as keepalived rebuilds a multi-word value. */
    public String joinedArgs() {
        return String.join(" ", args);
    }
}
