package org.jkeepalived.core.config.reader;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jkeepalived.core.config.Diagnostics;
import org.jkeepalived.core.config.SourceLocation;

/**
 * Does to each line what keepalived 2.2.7's {@code read_line} does before keywords are looked at, and
 * hands the resulting line pieces to the {@link BlockBuilder}.
 *
 * <p>Per line, in keepalived's order: {@code @id}/{@code @^id} conditionals, {@code $NAME=} definitions
 * (multi-line ones collect the following {@code \}-terminated lines), {@code ~SEQ}/{@code ~LST}
 * repetition, parameter substitution (after which the line is checked again, so a value may hold
 * {@code @id} or another reference), include, and finally the split at braces, where the text after a
 * brace is read as a line of its own. Lines created by expansions carry the location of the line that
 * created them.
 */
final class Preprocessor {
    /** Nesting of ~SEQ / multi-line expansions; real configurations need a handful. */
    private static final int MAX_EXPANSION_DEPTH = 32;
    private static final int MAX_INCLUDE_DEPTH = 32;
    /** Lines one load may produce, counting every expansion; stops runaway self-referring definitions. */
    static final long MAX_LINES = 4_000_000;

    private final ReaderOptions options;
    private final Diagnostics diagnostics;
    private final BlockBuilder builder;
    private final Definitions definitions;
    private final Includes includes;
    private final Set<String> reportedUndefined = new HashSet<>();
    private final long maxLines;
    private long lines;
    private boolean halted;
    private SourceLocation depthReportedAt;
    private boolean emitted;

    Preprocessor(ReaderOptions options, Diagnostics diagnostics, BlockBuilder builder, long maxLines) {
        this.maxLines = maxLines;
        this.options = options;
        this.diagnostics = diagnostics;
        this.builder = builder;
        this.definitions = new Definitions(options.configId());
        this.includes = new Includes(this, options, diagnostics, definitions, MAX_INCLUDE_DEPTH);
    }

    /** Reads the top-level file's text. */
    void readTop(String text, String fileName, java.nio.file.Path baseDir) {
        includes.readTop(text, fileName, baseDir);
    }

    /** Reads one file's text line by line; called for the top-level file and for each include. */
    void readText(String text, String fileName) {
        int n = text.length();
        int start = 0;
        int lineNo = 0;
        String capturing = null; // the multi-line definition being collected
        while (start < n && !halted) {
            int nl = text.indexOf('\n', start);
            int end = nl < 0 ? n : nl;
            lineNo++;
            int stop = end;
            while (stop > start && text.charAt(stop - 1) == '\r') {
                stop--;
            }
            String raw = text.substring(start, stop);
            start = end + 1;
            if (raw.isEmpty()) {
                if (capturing != null) {
                    definitions.endMultiline(capturing);
                    capturing = null;
                }
                continue;
            }
            LineLexer.Decommented d = LineLexer.decomment(raw);
            if (capturing != null) {
                capturing = collect(capturing, d);
                continue;
            }
            if (d.text().isEmpty()) {
                continue;
            }
            SourceLocation at = new SourceLocation(fileName, lineNo);
            emitted = false;
            capturing = processLine(d.text(), at, 0);
            if (d.continued() && capturing == null && emitted) {
                diagnostics.warning(at, "", "line ends with '\\', which continues only a multi-line $NAME= "
                        + "definition; the backslash is kept as text (as keepalived 2.2.7 does)");
            }
        }
        if (capturing != null) {
            definitions.endMultiline(capturing);
        }
    }

    /** Adds one line to a multi-line definition; returns the name while it goes on, null when it ended. */
    private String collect(String name, LineLexer.Decommented d) {
        String text = d.text();
        if (text.isEmpty()) {
            definitions.endMultiline(name); // a comment-only line ends it, as in keepalived
            return null;
        }
        if (d.continued()) {
            int t = text.length() - 1;
            while (t > 0 && LineLexer.isBlank(text.charAt(t - 1))) {
                t--;
            }
            if (t > 0) {
                definitions.appendLine(name, text.substring(0, t));
            }
            return name;
        }
        definitions.appendLine(name, text);
        definitions.endMultiline(name);
        return null;
    }

    /** Processes lines produced by an expansion, where multi-line definitions may also start. */
    private void processLines(List<String> expansion, SourceLocation at, int depth) {
        String capturing = null;
        for (String line : expansion) {
            if (halted) {
                return;
            }
            if (capturing != null) {
                capturing = collect(capturing, LineLexer.decomment(line));
                continue;
            }
            capturing = processLine(line, at, depth);
        }
        if (capturing != null) {
            definitions.endMultiline(capturing);
        }
    }

    /**
     * Processes one line; returns the name of a multi-line definition it started (the caller feeds it
     * the following lines), else null.
     */
    private String processLine(String line, SourceLocation at, int depth) {
        if (halted) {
            return null;
        }
        if (++lines > maxLines) {
            diagnostics.error(at, "", "the configuration expands to more than " + maxLines
                    + " lines (a definition or ~SEQ that repeats itself?); reading stopped here");
            halted = true;
            return null;
        }
        if (depth > MAX_EXPANSION_DEPTH) {
            if (!at.equals(depthReportedAt)) {
                diagnostics.error(at, "", "parameter / ~SEQ expansion nested more than " + MAX_EXPANSION_DEPTH
                        + " deep (a definition that uses itself?); the rest of this expansion is ignored");
                depthReportedAt = at;
            }
            return null;
        }
        String capture = null;
        Deque<String> following = null;
        String buf = line;
        while (buf != null && !buf.isEmpty()) {
            String residue = null;
            Step step = prepare(buf, at, depth);
            if (step.capture != null) {
                capture = step.capture;
            }
            if (!step.following.isEmpty()) {
                if (following == null) {
                    following = new ArrayDeque<>();
                }
                // lines of a later expansion come before those still pending from an earlier one
                for (int i = step.following.size() - 1; i >= 0; i--) {
                    following.addFirst(step.following.get(i));
                }
            }
            buf = step.line;
            if (buf != null && !buf.isEmpty()) {
                if (!includes.tryInclude(buf, at)) {
                    residue = splitAtBrace(buf, at);
                }
            }
            buf = residue;
        }
        if (following != null) {
            processLines(new ArrayList<>(following), at, depth + 1);
        }
        return capture;
    }

    /** The line left after conditionals, definitions, repetition and substitution (null: nothing left). */
    private record Step(String line, String capture, List<String> following) {
    }

    private Step prepare(String line, SourceLocation at, int depth) {
        String buf = line;
        List<String> following = List.of();
        while (true) {
            if (buf.isEmpty()) {
                return new Step(null, null, following);
            }
            if (buf.charAt(0) == '@') {
                buf = conditional(buf, at);
                if (buf == null || buf.isEmpty()) {
                    return new Step(null, null, following);
                }
            }
            if (buf.charAt(0) == '$') {
                String[] def = Definitions.parseDefinition(buf);
                if (def != null) {
                    return new Step(null, define(def[0], def[1]), following);
                }
            }
            if (Repetition.starts(buf)) {
                repeat(buf, at, depth);
                return new Step(null, null, following);
            }
            if (buf.charAt(0) == '~' || buf.indexOf('$') < 0) {
                return new Step(buf, null, following);
            }
            Definitions.Substitution s = definitions.substitute(buf);
            if (s == null) {
                return new Step(buf, null, following);
            }
            reportUndefined(s.undefined(), at);
            if (s.line() == null) {
                return new Step(buf, null, following);
            }
            if (s.overflow()) {
                diagnostics.error(at, "", "parameter substitution makes the line longer than "
                        + Definitions.MAX_LINE + " characters (a definition that uses itself?); line ignored");
                return new Step(null, null, following);
            }
            if (!s.followingLines().isEmpty()) {
                List<String> merged = new ArrayList<>(s.followingLines());
                merged.addAll(following);
                following = merged;
            }
            // keepalived 2.2.7 strips comments again after substitution: a '#' or '!' from a value
            // (even ${_HASH}) starts a comment unless it is inside quotes
            buf = LineLexer.decomment(s.line()).text();
            if (buf.isEmpty() || buf.charAt(0) != '@' && buf.indexOf('$') < 0) {
                return new Step(buf, null, following);
            }
        }
    }

    /** Applies {@code @id} / {@code @^id}: the line without its prefix, or null when it does not apply. */
    private String conditional(String buf, SourceLocation at) {
        boolean negate = buf.length() > 1 && buf.charAt(1) == '^';
        int idStart = negate ? 2 : 1;
        int blank = idStart;
        while (blank < buf.length() && !LineLexer.isBlank(buf.charAt(blank))) {
            blank++;
        }
        if (blank >= buf.length()) {
            diagnostics.warning(at, "", "conditional '" + buf + "' has nothing after the config id; ignored");
            return null;
        }
        String id = buf.substring(idStart, blank);
        boolean matches = !options.configId().isEmpty() && id.equals(options.configId());
        if (matches == negate) {
            if (LineLexer.firstBrace(buf) >= 0) {
                diagnostics.warning(at, "", "line skipped by '" + buf.substring(0, blank) + "' holds a brace that "
                        + "is skipped too, so the lines after it are read outside that block (as keepalived 2.2.7 does)");
            }
            return null;
        }
        int rest = blank;
        while (rest < buf.length() && LineLexer.isBlank(buf.charAt(rest))) {
            rest++;
        }
        return buf.substring(rest);
    }

    /** Stores a definition; returns its name when it is multi-line and wants the following lines. */
    private String define(String name, String value) {
        if (!value.isEmpty() && value.charAt(value.length() - 1) == '\\') {
            int t = value.length() - 1;
            while (t > 0 && LineLexer.isBlank(value.charAt(t - 1))) {
                t--;
            }
            definitions.defineMultiline(name, value.substring(0, t));
            return name;
        }
        definitions.define(name, value);
        return null;
    }

    private void repeat(String buf, SourceLocation at, int depth) {
        Repetition r;
        try {
            r = Repetition.parse(buf, numbers -> {
                Definitions.Substitution s = definitions.substitute(numbers);
                if (s == null || s.line() == null) {
                    return numbers;
                }
                return s.followingLines().isEmpty() ? s.line() : null;
            });
        } catch (Repetition.Invalid e) {
            diagnostics.error(at, "", e.getMessage() + "; line ignored");
            return;
        }
        if (r.text().isEmpty()) {
            diagnostics.warning(at, "", "'" + buf + "' has nothing to repeat");
            return;
        }
        for (List<String> row : r.rows()) {
            if (halted) {
                return;
            }
            for (int i = 0; i < row.size(); i++) {
                definitions.define(r.variables().get(i), row.get(i));
            }
            String capture = processLine(r.text(), at, depth + 1);
            if (capture != null) {
                definitions.endMultiline(capture);
            }
        }
    }

    private void reportUndefined(List<String> names, SourceLocation at) {
        for (String name : names) {
            if (reportedUndefined.add(name + "@" + at)) {
                diagnostics.warning(at, "", definitions.isMultiline(name)
                        ? "multi-line $" + name + " is expanded only at the end of a line; left as it is (as keepalived does)"
                        : "$" + name + " is not defined; left as it is (as keepalived does)");
            }
        }
    }

    /**
     * Hands the line up to its first unquoted brace to the builder, then the brace; returns the text after
     * the brace, which is read as a line of its own (null when there is none).
     */
    private String splitAtBrace(String buf, SourceLocation at) {
        int p = LineLexer.firstBrace(buf);
        if (p < 0) {
            emit(buf, at);
            return null;
        }
        if (p > 0) {
            int t = p;
            while (t > 0 && LineLexer.isBlank(buf.charAt(t - 1))) {
                t--;
            }
            emit(buf.substring(0, t), at);
            return trimTrailing(buf.substring(p));
        }
        emit(buf.substring(0, 1), at);
        int r = 1;
        while (r < buf.length() && LineLexer.isBlank(buf.charAt(r))) {
            r++;
        }
        return r < buf.length() ? trimTrailing(buf.substring(r)) : null;
    }

    private static String trimTrailing(String s) {
        int t = s.length();
        while (t > 0 && LineLexer.isBlank(s.charAt(t - 1))) {
            t--;
        }
        return s.substring(0, t);
    }

    private void emit(String piece, SourceLocation at) {
        List<Token> tokens = LineLexer.tokens(piece, at, diagnostics);
        if (tokens.isEmpty()) {
            return;
        }
        emitted = true;
        if (tokens.get(0).kind() == Token.Kind.WORD && tokens.get(0).text().equals("include_check")) {
            includes.setChecks(tokens, at);
        }
        builder.line(tokens, at);
    }

    static Set<IncludeCheck> none() {
        return EnumSet.noneOf(IncludeCheck.class);
    }
}
