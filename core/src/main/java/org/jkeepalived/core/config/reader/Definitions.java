package org.jkeepalived.core.config.reader;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

/**
 * The {@code $NAME=value} parameters of one configuration load and their substitution into lines.
 *
 * <p>Follows keepalived 2.2.7: a name is {@code [A-Za-z_][A-Za-z0-9_]*}; {@code $NAME} is replaced
 * only when followed by a space, tab, {@code ,}, {@code )} or the end of the line, {@code ${NAME}}
 * anywhere; replacement text is scanned again, so values may refer to other parameters, resolved at
 * use time. A multi-line value is replaced only when its reference ends the line: its first line takes
 * the reference's place and the other lines follow as lines of their own. Undefined references stay as
 * they are.
 */
final class Definitions {
    /** Lines longer than this after substitution mean a definition refers to itself. */
    static final int MAX_LINE = 1 << 16;

    private record Definition(String name, List<String> lines, boolean multiline, Supplier<String> builtin) {
        String firstLine() {
            return builtin != null ? builtin.get() : lines.isEmpty() ? "" : lines.get(0);
        }
    }

    /**
     * The outcome of substituting into one line.
     *
     * @param undefined names referred to but not replaced: undefined, or multi-line and not at the line's end
     */
    record Substitution(String line, List<String> followingLines, List<String> undefined, boolean overflow) {
    }

    private final Map<String, Definition> byName = new HashMap<>();
    private final Random random = new Random(0);
    private String currentDirectory = "";

    Definitions(String configId) {
        builtin("_INSTANCE", () -> configId);
        builtin("_PWD", () -> currentDirectory);
        builtin("_HASH", () -> "#");
        builtin("_BANG", () -> "!");
        builtin("_RANDOM", () -> randomValue(null));
    }

    private void builtin(String name, Supplier<String> value) {
        byName.put(name, new Definition(name, List.of(), false, value));
    }

    /** Sets the directory ${_PWD} stands for: that of the file being read. */
    void setCurrentDirectory(String dir) {
        currentDirectory = dir;
    }

    void define(String name, String value) {
        byName.put(name, new Definition(name, List.of(value), false, null));
    }

    /** Defines a multi-line parameter; lines are added with {@link #appendLine} as they are read. */
    void defineMultiline(String name, String firstLine) {
        List<String> lines = new ArrayList<>();
        if (!firstLine.isEmpty()) {
            lines.add(firstLine);
        }
        byName.put(name, new Definition(name, lines, true, null));
    }

    void appendLine(String name, String line) {
        byName.get(name).lines().add(line);
    }

    /** Ends a multi-line definition; one that collected no lines is an ordinary empty value. */
    void endMultiline(String name) {
        Definition d = byName.get(name);
        if (d != null && d.multiline() && d.lines().isEmpty()) {
            byName.put(name, new Definition(name, List.of(""), false, null));
        }
    }

    boolean isDefined(String name) {
        return byName.containsKey(name);
    }

    boolean isMultiline(String name) {
        Definition d = byName.get(name);
        return d != null && d.multiline();
    }

    /**
     * If the line is a definition {@code $NAME=value}, the name and value start; else null. Only the
     * name may sit between {@code $} and {@code =}.
     */
    static String[] parseDefinition(String line) {
        if (line.length() < 3 || line.charAt(0) != '$' || !nameStart(line.charAt(1))) {
            return null;
        }
        int i = 2;
        while (i < line.length() && namePart(line.charAt(i))) {
            i++;
        }
        if (i >= line.length() || line.charAt(i) != '=') {
            return null;
        }
        int v = i + 1;
        while (v < line.length() && LineLexer.isBlank(line.charAt(v))) {
            v++;
        }
        return new String[] {line.substring(1, i), line.substring(v)};
    }

    static boolean nameStart(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c == '_';
    }

    static boolean namePart(char c) {
        return nameStart(c) || c >= '0' && c <= '9';
    }

    /**
     * Replaces every parameter reference in the line. Returns null when the line has no reference to a
     * defined parameter (references to undefined names are still listed).
     */
    Substitution substitute(String line) {
        StringBuilder sb = null;
        String s = line;
        List<String> following = List.of();
        List<String> undefined = List.of();
        int replacements = 0;
        int i = s.indexOf('$');
        while (i >= 0 && i + 1 < s.length()) {
            Ref ref = reference(s, i);
            Definition d = ref == null ? null : byName.get(ref.name);
            boolean misplaced = d != null && d.multiline() && ref.end != s.length();
            if (misplaced) {
                d = null; // keepalived expands a multi-line value only at the end of a line
            }
            if (d == null) {
                if (ref != null && (misplaced || !byName.containsKey(ref.name))) {
                    if (undefined.isEmpty()) {
                        undefined = new ArrayList<>(2);
                    }
                    if (!undefined.contains(ref.name)) {
                        undefined.add(ref.name);
                    }
                }
                i = s.indexOf('$', i + 1);
                continue;
            }
            String value;
            if (d.builtin() == null && ref.params != null) {
                value = null;
            } else if (ref.name.equals("_RANDOM")) {
                value = randomValue(ref.params);
            } else {
                value = d.firstLine();
            }
            if (value == null) {
                i = s.indexOf('$', i + 1);
                continue;
            }
            if (d.multiline() && d.lines().size() > 1) {
                List<String> more = d.lines().subList(1, d.lines().size());
                if (following.isEmpty()) {
                    following = new ArrayList<>(more);
                } else {
                    // an inner multi-line value's lines come before the rest of the outer one's
                    List<String> merged = new ArrayList<>(more);
                    merged.addAll(following);
                    following = merged;
                }
            }
            if (sb == null) {
                sb = new StringBuilder(s.length() + value.length());
            }
            sb.setLength(0);
            sb.append(s, 0, i).append(value).append(s, ref.end, s.length());
            s = sb.toString();
            if (++replacements > 10_000 || s.length() > MAX_LINE) {
                return new Substitution(s, List.of(), undefined, true);
            }
            int firstNonBlank = 0;
            while (firstNonBlank < value.length() && LineLexer.isBlank(value.charAt(firstNonBlank))) {
                firstNonBlank++;
            }
            if (firstNonBlank < value.length() && value.charAt(firstNonBlank) == '~') {
                break; // keepalived stops here so the ~SEQ the value starts is seen on the recheck
            }
            i = s.indexOf('$', i); // the replacement is scanned again: values may hold references
        }
        if (replacements == 0) {
            return undefined.isEmpty() ? null : new Substitution(null, List.of(), undefined, false);
        }
        return new Substitution(s, following, undefined, false);
    }

    private String randomValue(String params) {
        long min = 0;
        long max = 32767;
        if (params != null) {
            String[] p = params.trim().split("[ ]+");
            try {
                if (p.length >= 1 && !p[0].isEmpty()) {
                    min = Long.parseLong(p[0]);
                }
                if (p.length >= 2) {
                    max = Long.parseLong(p[1]);
                }
            } catch (NumberFormatException e) {
                return null;
            }
        }
        if (max < min) {
            return Long.toString(min);
        }
        return Long.toString(min + (long) (random.nextDouble() * (max - min + 1)));
    }

    /** A reference found at a '$': the name, optional numeric parameters, and where it ends. */
    private record Ref(String name, String params, int end) {
    }

    private static Ref reference(String s, int dollar) {
        int n = s.length();
        int i = dollar + 1;
        boolean braces = s.charAt(i) == '{';
        if (braces) {
            i++;
        }
        if (i >= n || !nameStart(s.charAt(i))) {
            return null;
        }
        int nameStart = i;
        while (i < n && namePart(s.charAt(i))) {
            i++;
        }
        String name = s.substring(nameStart, i);
        if (!braces) {
            if (i < n) {
                char c = s.charAt(i);
                if (c != ' ' && c != '\t' && c != ',' && c != ')') {
                    return null;
                }
            }
            return new Ref(name, null, i);
        }
        int paramsStart = i;
        while (i < n && (s.charAt(i) == ' ' || s.charAt(i) >= '0' && s.charAt(i) <= '9')) {
            i++;
        }
        if (i >= n || s.charAt(i) != '}') {
            return null;
        }
        String params = i > paramsStart ? s.substring(paramsStart, i) : null;
        if (params != null && (params.isBlank() || params.charAt(params.length() - 1) == ' ')) {
            if (!params.isBlank()) {
                return null;
            }
            params = null;
        }
        return new Ref(name, params, i + 1);
    }
}
