package org.jkeepalived.core.config.reader;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Expands an include pattern the way glibc's {@code glob(GLOB_MARK | GLOB_BRACE)} does for keepalived:
 * csh-style brace lists first ({@code {a,b{c,d}}}), each alternative then globbed with {@code *},
 * {@code ?} and {@code [...]} per path component, matches of one alternative sorted, alternatives kept in
 * the order written. Names starting with a dot match only a pattern that starts with a dot; directories
 * are not matches. A relative pattern is taken relative to the including file's directory.
 */
final class IncludeGlob {
    /** The expansion of one pattern. */
    record Expansion(List<String> matches, List<String> alternativesWithoutMatch, boolean wildcard) {
    }

    private static final int MAX_ALTERNATIVES = 4096;

    private IncludeGlob() {
    }

    /**
     * Expands the pattern; match names keep the pattern's form (relative stays relative), resolved
     * against {@code dir} for the file system.
     */
    static Expansion expand(String pattern, Path dir) {
        List<String> alternatives = new ArrayList<>();
        expandBraces(pattern, alternatives);
        List<String> matches = new ArrayList<>();
        List<String> empty = new ArrayList<>();
        boolean wildcard = false;
        for (String alt : alternatives) {
            boolean magic = hasMagic(alt);
            wildcard |= magic;
            List<String> found = new ArrayList<>();
            try {
                globOne(alt, dir, found);
            } catch (InvalidPathException | IOException | PatternSyntaxException | SecurityException e) {
                found.clear();
            }
            found.sort(null);
            if (found.isEmpty()) {
                empty.add(alt);
            }
            matches.addAll(found);
        }
        return new Expansion(matches, empty, wildcard);
    }

    /** csh-style brace expansion; an unmatched brace is literal, as in glibc. */
    static void expandBraces(String s, List<String> out) {
        int open = -1;
        int depth = 0;
        List<Integer> commas = new ArrayList<>();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '{') {
                if (depth++ == 0) {
                    open = i;
                    commas.clear();
                }
            } else if (c == '}' && depth > 0) {
                if (--depth == 0) {
                    String prefix = s.substring(0, open);
                    String suffix = s.substring(i + 1);
                    int from = open + 1;
                    List<String> parts = new ArrayList<>();
                    for (int comma : commas) {
                        parts.add(s.substring(from, comma));
                        from = comma + 1;
                    }
                    parts.add(s.substring(from, i));
                    for (String part : parts) {
                        if (out.size() >= MAX_ALTERNATIVES) {
                            return;
                        }
                        expandBraces(prefix + part + suffix, out);
                    }
                    return;
                }
            } else if (c == ',' && depth == 1) {
                commas.add(i);
            }
        }
        if (out.size() < MAX_ALTERNATIVES) {
            out.add(s);
        }
    }

    static boolean hasMagic(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '*' || c == '?' || c == '[') {
                return true;
            }
        }
        return false;
    }

    private static void globOne(String pattern, Path dir, List<String> found) throws IOException {
        if (pattern.isEmpty()) {
            return;
        }
        boolean absolute = pattern.startsWith("/");
        String[] parts = pattern.split("/+");
        List<String> prefixes = new ArrayList<>();
        prefixes.add(absolute ? "/" : "");
        for (int k = 0; k < parts.length; k++) {
            String part = parts[k];
            if (part.isEmpty()) {
                continue;
            }
            boolean last = k == parts.length - 1;
            List<String> next = new ArrayList<>();
            for (String prefix : prefixes) {
                Path base = resolve(dir, prefix.isEmpty() ? "." : prefix);
                if (!hasMagic(part)) {
                    String name = prefix + unescape(part);
                    Path p = resolve(dir, name);
                    if (last ? Files.exists(p) && !Files.isDirectory(p) : Files.isDirectory(p)) {
                        next.add(last ? name : name + "/");
                    }
                    continue;
                }
                if (!Files.isDirectory(base)) {
                    continue;
                }
                Pattern regex = Pattern.compile(toRegex(part));
                List<String> names = new ArrayList<>();
                try (DirectoryStream<Path> entries = Files.newDirectoryStream(base)) {
                    for (Path e : entries) {
                        String name = e.getFileName().toString();
                        if (name.startsWith(".") && !part.startsWith(".")) {
                            continue;
                        }
                        if (regex.matcher(name).matches() && (last ? !Files.isDirectory(e) : Files.isDirectory(e))) {
                            names.add(name);
                        }
                    }
                }
                names.sort(null);
                for (String name : names) {
                    next.add(last ? prefix + name : prefix + name + "/");
                }
            }
            prefixes = next;
            if (prefixes.isEmpty()) {
                return;
            }
        }
        found.addAll(prefixes);
    }

    private static Path resolve(Path dir, String name) {
        Path p = Path.of(name);
        return p.isAbsolute() || dir == null ? p : dir.resolve(p);
    }

    private static String unescape(String s) {
        return s.indexOf('\\') < 0 ? s : s.replaceAll("\\\\(.)", "$1");
    }

    /** One path component's glob as a regular expression. */
    static String toRegex(String glob) {
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            switch (c) {
                case '*' -> re.append(".*");
                case '?' -> re.append('.');
                case '\\' -> {
                    if (i + 1 < glob.length()) {
                        re.append(literal(glob.charAt(++i)));
                    }
                }
                case '[' -> {
                    int end = classEnd(glob, i);
                    if (end < 0) {
                        re.append("\\[");
                    } else {
                        String body = glob.substring(i + 1, end);
                        boolean negate = body.startsWith("!") || body.startsWith("^");
                        if (negate) {
                            body = body.substring(1);
                        }
                        re.append('[').append(negate ? "^" : "");
                        for (int j = 0; j < body.length(); j++) {
                            char b = body.charAt(j);
                            re.append(b == '-' && j > 0 && j < body.length() - 1 ? "-" : literal(b));
                        }
                        re.append(']');
                        i = end;
                    }
                }
                default -> re.append(literal(c));
            }
        }
        return re.toString();
    }

    /** A character that stands for itself in a regular expression, in or out of a class. */
    private static String literal(char c) {
        return Character.isLetterOrDigit(c) || c > 127 ? String.valueOf(c) : "\\" + c;
    }

    private static int classEnd(String glob, int open) {
        int j = open + 1;
        if (j < glob.length() && (glob.charAt(j) == '!' || glob.charAt(j) == '^')) {
            j++;
        }
        if (j < glob.length() && glob.charAt(j) == ']') {
            j++;
        }
        int end = glob.indexOf(']', j);
        return end;
    }
}
