package org.jkeepalived.core.config.reader;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.jkeepalived.core.config.ConfigNode;
import org.jkeepalived.core.config.Diagnostic;
import org.jkeepalived.core.config.Diagnostics;

/** Test helpers that read text and render the tree compactly, so expectations fit on one line. */
final class Trees {
    static final ReaderOptions MAIN = new ReaderOptions("main", false);

    private Trees() {
    }

    /** The result of one read: the tree and what was reported. */
    record Result(List<ConfigNode> nodes, Diagnostics diagnostics) {
        String tree() {
            return render(nodes);
        }

        String tree(boolean withLines) {
            return withLines ? renderWithLines(nodes) : render(nodes);
        }

        List<String> messages() {
            return diagnostics.all().stream().map(Diagnostic::toString).collect(Collectors.toList());
        }
    }

    static Result read(String text) {
        return read(text, MAIN);
    }

    static Result read(String text, ReaderOptions options) {
        Diagnostics d = new Diagnostics();
        List<ConfigNode> nodes = ConfigReader.read(text, "t.conf", Path.of("/nonexistent-dir"), options, d);
        return new Result(nodes, d);
    }

    static Result readFile(Path file, ReaderOptions options) {
        Diagnostics d = new Diagnostics();
        return new Result(ConfigReader.read(file, options, d), d);
    }

    /** Renders as {@code kw a b { child; child }; next}; arguments are shown in brackets when they hold spaces or are empty. */
    static String render(List<ConfigNode> nodes) {
        return nodes.stream().map(Trees::render).collect(Collectors.joining("; "));
    }

    static String render(ConfigNode n) {
        StringBuilder sb = new StringBuilder(word(n.keyword()));
        for (String a : n.args()) {
            sb.append(' ').append(word(a));
        }
        if (n.block()) {
            sb.append(n.children().isEmpty() ? " {}" : " { " + render(n.children()) + " }");
        }
        return sb.toString();
    }

    /** Like {@link #render(List)} with each statement prefixed by {@code file:line|}. */
    static String renderWithLines(List<ConfigNode> nodes) {
        return nodes.stream().map(n -> {
            StringBuilder sb = new StringBuilder(n.location().toString()).append('|').append(word(n.keyword()));
            n.args().forEach(a -> sb.append(' ').append(word(a)));
            if (n.block()) {
                sb.append(" { ").append(renderWithLines(n.children())).append(" }");
            }
            return sb.toString();
        }).collect(Collectors.joining("; "));
    }

    private static String word(String s) {
        return s.isEmpty() || s.chars().anyMatch(Character::isWhitespace) ? "[" + s + "]" : s;
    }

    /**
     * One statement per line, indented by depth, each prefixed by its file (relative to {@code base}) and
     * line: the form of the fixtures' expected.txt files.
     */
    static String outline(List<ConfigNode> nodes, Path base) {
        StringBuilder sb = new StringBuilder();
        outline(nodes, base, "", sb);
        return sb.toString();
    }

    private static void outline(List<ConfigNode> nodes, Path base, String indent, StringBuilder sb) {
        for (ConfigNode n : nodes) {
            sb.append(indent).append(relative(n.location().file(), base)).append(':').append(n.location().line())
                    .append(' ').append(word(n.keyword()));
            n.args().forEach(a -> sb.append(' ').append(word(a)));
            if (n.block()) {
                sb.append(" {\n");
                outline(n.children(), base, indent + "    ", sb);
                sb.append(indent).append("}");
            }
            sb.append('\n');
        }
    }

    /** A diagnostic with its file name made relative to {@code base}. */
    static String relative(Diagnostic d, Path base) {
        return relative(d.location().file(), base) + ":" + d.location().line() + ": " + d.severity().label() + ": "
                + (d.keyword() == null || d.keyword().isEmpty() ? "" : d.keyword() + ": ")
                + d.message().replace(base.toString() + "/", "");
    }

    private static String relative(String file, Path base) {
        String prefix = base.toString() + "/";
        return file.startsWith(prefix) ? file.substring(prefix.length()) : file;
    }
}
