package org.jkeepalived.core.config.reader;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;
import org.jkeepalived.core.config.Diagnostics;
import org.jkeepalived.core.config.SourceLocation;

/**
 * The {@code include} statements: which files they name, in what order they are read, and what is wrong
 * with them. Keeps the stack of files being read, for relative paths, loop detection and
 * {@code include_check}.
 *
 * <p>As in keepalived 2.2.7, the include word is recognised after conditionals and substitution, takes
 * the rest of the line as the pattern, and a relative pattern is relative to the directory of the file
 * that holds the include. A literal file that does not exist is a warning (an error with
 * {@code include_check match}, {@code includem}/{@code includea} or {@code -e}); a wildcard that matches
 * nothing is silent unless {@code wildcard_match} is checked. keepalived has no loop check; here a file
 * that is already being read is an error instead of endless recursion.
 */
final class Includes {
    /** One file being read: how it is named in diagnostics, where it is, and its include checks. */
    private record Frame(String displayName, Path path, Set<IncludeCheck> checks) {
    }

    private final Preprocessor preprocessor;
    private final ReaderOptions options;
    private final Diagnostics diagnostics;
    private final Definitions definitions;
    private final int maxDepth;
    private final Deque<Frame> stack = new ArrayDeque<>();

    Includes(Preprocessor preprocessor, ReaderOptions options, Diagnostics diagnostics, Definitions definitions,
             int maxDepth) {
        this.preprocessor = preprocessor;
        this.options = options;
        this.diagnostics = diagnostics;
        this.definitions = definitions;
        this.maxDepth = maxDepth;
    }

    void readTop(String text, String fileName, Path baseDir) {
        Path dir = baseDir == null ? Path.of("").toAbsolutePath() : baseDir.toAbsolutePath();
        Path path;
        try {
            path = dir.resolve(Path.of(fileName).getFileName() == null ? "" : Path.of(fileName).getFileName().toString())
                    .normalize();
        } catch (InvalidPathException e) {
            path = dir.resolve("config").normalize();
        }
        read(text, new Frame(fileName, path, EnumSet.noneOf(IncludeCheck.class)));
    }

    private void read(String text, Frame frame) {
        stack.push(frame);
        Path dir = frame.path().getParent();
        definitions.setCurrentDirectory(dir == null ? "/" : dir.toString());
        try {
            preprocessor.readText(text, frame.displayName());
        } finally {
            stack.pop();
            if (!stack.isEmpty()) {
                Path up = stack.peek().path().getParent();
                definitions.setCurrentDirectory(up == null ? "/" : up.toString());
            }
        }
    }

    /** Applies {@code include_check [[+|-]check ...]} to the file being read (and files it includes). */
    void setChecks(List<Token> tokens, SourceLocation at) {
        Frame f = stack.peek();
        if (f == null) {
            return;
        }
        Set<IncludeCheck> checks = f.checks();
        if (tokens.size() == 1) {
            checks.addAll(EnumSet.allOf(IncludeCheck.class));
            return;
        }
        for (int i = 1; i < tokens.size(); i++) {
            String word = tokens.get(i).text();
            boolean remove = word.startsWith("-");
            boolean add = word.startsWith("+");
            IncludeCheck c = IncludeCheck.named(remove || add ? word.substring(1) : word);
            if (c == null) {
                diagnostics.warning(at, "include_check", "unknown include check '" + word + "' ignored");
                continue;
            }
            if (remove) {
                checks.remove(c);
            } else {
                checks.add(c);
            }
            if (!remove && c != IncludeCheck.READABLE) {
                checks.add(IncludeCheck.READABLE); // match checks include the readable check
            }
        }
    }

    /** Handles the line if it is an include; returns whether it was one. */
    boolean tryInclude(String line, SourceLocation at) {
        if (!line.startsWith("include")) {
            return false;
        }
        List<Token> tokens = LineLexer.tokens(line, at, new Diagnostics());
        if (tokens.isEmpty()) {
            return false;
        }
        String keyword = tokens.get(0).text();
        Set<IncludeCheck> added = IncludeCheck.forKeyword(keyword);
        if (added == null) {
            return false;
        }
        if (tokens.size() < 2) {
            diagnostics.error(at, keyword, "no file name given; ignored");
            return true;
        }
        StringJoiner pattern = new StringJoiner(" ");
        for (int i = 1; i < tokens.size(); i++) {
            pattern.add(tokens.get(i).text());
        }
        Set<IncludeCheck> checks = EnumSet.noneOf(IncludeCheck.class);
        if (!stack.isEmpty()) {
            checks.addAll(stack.peek().checks());
        }
        checks.addAll(added);
        if (options.allConfig()) {
            checks.addAll(EnumSet.allOf(IncludeCheck.class));
        }
        include(keyword, pattern.toString(), checks, at);
        return true;
    }

    private void include(String keyword, String pattern, Set<IncludeCheck> checks, SourceLocation at) {
        Frame from = stack.peek();
        Path dir = from == null ? null : from.path().getParent();
        IncludeGlob.Expansion e = IncludeGlob.expand(pattern, dir);
        if (e.matches().isEmpty()) {
            if (!e.wildcard()) {
                report(checks.contains(IncludeCheck.MATCH), at, keyword, "no file matches '" + pattern + "'");
            } else if (checks.contains(IncludeCheck.WILDCARD_MATCH)) {
                report(true, at, keyword, "no file matches '" + pattern + "'");
            }
            return;
        }
        if (checks.contains(IncludeCheck.BRACE_MATCH) && !e.alternativesWithoutMatch().isEmpty()) {
            for (String alt : e.alternativesWithoutMatch()) {
                report(true, at, keyword, "no file matches '" + alt + "' (from '" + pattern + "')");
            }
        }
        for (String match : e.matches()) {
            readIncluded(keyword, match, dir, checks, at);
        }
    }

    private void readIncluded(String keyword, String match, Path dir, Set<IncludeCheck> checks, SourceLocation at) {
        Path path;
        try {
            Path m = Path.of(match);
            path = (m.isAbsolute() || dir == null ? m : dir.resolve(m)).toAbsolutePath().normalize();
        } catch (InvalidPathException ex) {
            report(checks.contains(IncludeCheck.READABLE), at, keyword, "bad file name '" + match + "'");
            return;
        }
        String display = displayName(match);
        if (stack.size() >= maxDepth) {
            diagnostics.error(at, keyword, "includes nested more than " + maxDepth + " deep; '" + display
                    + "' not read");
            return;
        }
        Path real = realPath(path);
        for (Frame f : stack) {
            if (realPath(f.path()).equals(real)) {
                diagnostics.error(at, keyword, "include loop: '" + display + "' is already being read; not read again");
                return;
            }
        }
        String text;
        try {
            if (!Files.isRegularFile(path) || isExecutable(path)) {
                report(checks.contains(IncludeCheck.READABLE), at, keyword,
                        "'" + display + "' is not a regular non-executable file; skipped");
                return;
            }
            text = new String(Files.readAllBytes(path), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException ex) {
            report(checks.contains(IncludeCheck.READABLE), at, keyword,
                    "cannot read '" + display + "': " + ConfigReader.describe(ex));
            return;
        }
        read(text, new Frame(display, path, EnumSet.copyOf(checksOrNone(stack.peek()))));
    }

    private static Set<IncludeCheck> checksOrNone(Frame f) {
        return f == null || f.checks().isEmpty() ? EnumSet.noneOf(IncludeCheck.class) : f.checks();
    }

    /** The name diagnostics use: an absolute match as is, a relative one joined to the includer's directory. */
    private String displayName(String match) {
        Frame from = stack.peek();
        try {
            Path m = Path.of(match);
            if (m.isAbsolute() || from == null) {
                return m.normalize().toString();
            }
            Path parent = Path.of(from.displayName()).getParent();
            return (parent == null ? m : parent.resolve(m)).normalize().toString();
        } catch (InvalidPathException e) {
            return match;
        }
    }

    private static Path realPath(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException | RuntimeException e) {
            return p;
        }
    }

    private static boolean isExecutable(Path p) {
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p);
            return perms.contains(PosixFilePermission.OWNER_EXECUTE) || perms.contains(PosixFilePermission.GROUP_EXECUTE)
                    || perms.contains(PosixFilePermission.OTHERS_EXECUTE);
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }

    private void report(boolean error, SourceLocation at, String keyword, String message) {
        if (error) {
            diagnostics.error(at, keyword, message);
        } else {
            diagnostics.warning(at, keyword, message);
        }
    }
}
