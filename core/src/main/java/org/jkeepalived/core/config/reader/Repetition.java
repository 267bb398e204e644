package org.jkeepalived.core.config.reader;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A parsed {@code ~SEQ(...)}, {@code ~SEQx(...)} or {@code ~LST(...)} line: the variables it sets, the
 * values they take in turn, and the rest of the line, which is read once per value.
 *
 * <p>~SEQ follows keepalived 2.2.7: {@code (var, end)} counts from 1 (or -1 when end is negative) towards
 * end, {@code (var, start, end)} steps by 1 or -1 towards end, {@code (var, start, step, end)} needs a
 * step of the right sign; numbers are read like C's strtol with base 0 (so {@code 0x10} and octal
 * {@code 010} work) and may be {@code $NAME} parameters. ~SEQx prints values in lower-case hex and takes
 * only non-negative numbers.
 *
 * @param variables the parameter names set for each pass
 * @param rows      one list of values (one per variable) per pass
 * @param text      what is read once per pass
 */
record Repetition(List<String> variables, List<List<String>> rows, String text) {
    /** The most passes one line may ask for; more is surely a typo and would exhaust memory. */
    static final long MAX_PASSES = 1_000_000;

    /** A ~SEQ/~LST line that cannot be used, with the reason in keepalived's words. */
    static final class Invalid extends Exception {
        private static final long serialVersionUID = 1L;

        Invalid(String message) {
            super(message, null, false, false);
        }
    }

    static boolean starts(String line) {
        return line.startsWith("~SEQ") || line.startsWith("~LST");
    }

    /**
     * Parses the line; {@code params} substitutes parameters into the numbers (and returns null when a
     * multi-line parameter was used there).
     */
    static Repetition parse(String line, UnaryOperator<String> params) throws Invalid {
        return line.startsWith("~SEQ") ? parseSeq(line, params) : parseList(line);
    }

    private static Repetition parseSeq(String line, UnaryOperator<String> params) throws Invalid {
        int p = 4;
        boolean hex = p < line.length() && line.charAt(p) == 'x';
        if (hex) {
            p++;
        }
        p = skipBlanks(line, p);
        if (p >= line.length() || line.charAt(p) != '(') {
            throw new Invalid("Invalid ~SEQ specification '" + line + "'");
        }
        p = skipBlanks(line, p + 1);
        int varStart = p;
        while (p < line.length() && " \t,)".indexOf(line.charAt(p)) < 0) {
            p++;
        }
        String var = line.substring(varStart, p);
        p = skipBlanks(line, p);
        if (var.isEmpty() || p >= line.length() || line.charAt(p) == ')') {
            throw new Invalid("Invalid ~SEQ definition '" + line + "'");
        }
        int close = line.indexOf(')', p);
        if (close < 0) {
            throw new Invalid("~SEQ has no closing ')' '" + line + "'");
        }
        String numbers = params.apply(line.substring(p + 1, close));
        if (numbers == null) {
            throw new Invalid("~SEQ parameter is multiline definition '" + line + "'");
        }
        String[] parts = numbers.split(",", -1);
        if (parts.length > 3) {
            throw new Invalid("Invalid ~SEQ definition '" + line + "'");
        }
        long[] v = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            v[i] = strtol(parts[i], line);
        }
        long start;
        long step;
        long end;
        if (v.length == 1) {
            end = v[0];
            step = end < 1 ? -1 : 1;
            start = end < 0 ? -1 : 1;
        } else if (v.length == 2) {
            start = v[0];
            end = v[1];
            step = start <= end ? 1 : -1;
        } else {
            start = v[0];
            step = v[1];
            end = v[2];
            if (step == 0 || start < end && step < 0 || start > end && step > 0) {
                throw new Invalid("Invalid ~SEQ values '" + line + "'");
            }
        }
        if (hex && (start < 0 || end < 0)) {
            throw new Invalid("~SEQx is only valid for positive numbers '" + line + "'");
        }
        long passes = (Math.abs((double) end - start) / Math.abs((double) step)) + 1 > MAX_PASSES
                ? MAX_PASSES + 1 : Math.abs(end - start) / Math.abs(step) + 1;
        if (passes > MAX_PASSES) {
            throw new Invalid("~SEQ would repeat the line more than " + MAX_PASSES + " times '" + line + "'");
        }
        List<List<String>> rows = new ArrayList<>((int) passes);
        long x = start;
        for (long i = 0; i < passes; i++, x += step) {
            rows.add(List.of(hex ? Long.toHexString(x) : Long.toString(x)));
        }
        return new Repetition(List.of(var), rows, line.substring(skipBlanks(line, close + 1)));
    }

    /** C's strtol with base 0 on a whole field: leading blanks, a sign, then hex, octal or decimal digits. */
    private static long strtol(String field, String line) throws Invalid {
        String s = field.strip();
        if (s.isEmpty()) {
            return 0; // strtol of nothing is 0, and keepalived does not complain
        }
        boolean negative = false;
        int i = 0;
        if (s.charAt(0) == '+' || s.charAt(0) == '-') {
            negative = s.charAt(0) == '-';
            i++;
        }
        int radix = 10;
        if (s.startsWith("0x", i) || s.startsWith("0X", i)) {
            radix = 16;
            i += 2;
        } else if (s.startsWith("0", i) && s.length() > i + 1) {
            radix = 8;
            i++;
        }
        try {
            long value = Long.parseLong(s.substring(i), radix);
            return negative ? -value : value;
        } catch (NumberFormatException e) {
            throw new Invalid("Invalid ~SEQ definition '" + line + "'");
        }
    }

    private static Repetition parseList(String line) throws Invalid {
        int p = skipBlanks(line, 4);
        if (p >= line.length() || line.charAt(p) != '(') {
            throw new Invalid("Invalid ~LST specification '" + line + "'");
        }
        int close = closingParen(line, p);
        if (close < 0) {
            throw new Invalid("Invalid ~LST specification '" + line + "'");
        }
        List<List<String>> groups = splitGroups(line.substring(p + 1, close), line);
        if (groups.size() < 2) {
            throw new Invalid("Invalid ~LST specification '" + line + "'");
        }
        List<String> vars = groups.get(0);
        for (String v : vars) {
            if (v.isEmpty() || !Definitions.nameStart(v.charAt(0))
                    || !v.chars().allMatch(c -> Definitions.namePart((char) c))) {
                throw new Invalid("Invalid ~LST specification '" + line + "'");
            }
        }
        List<List<String>> rows = groups.subList(1, groups.size());
        for (List<String> row : rows) {
            if (row.size() != vars.size()) {
                throw new Invalid("Invalid ~LST specification '" + line + "'");
            }
        }
        return new Repetition(vars, List.copyOf(rows), line.substring(skipBlanks(line, close + 1)));
    }

    /** The ')' that closes the '(' at {@code open}, skipping over {...} groups. */
    private static int closingParen(String line, int open) {
        boolean inGroup = false;
        for (int i = open + 1; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '{') {
                inGroup = true;
            } else if (c == '}') {
                inGroup = false;
            } else if (c == ')' && !inGroup) {
                return i;
            }
        }
        return -1;
    }

    /** Splits {@code a, b} or {@code {a,b}, {1,2}} into groups of words; words may not hold blanks. */
    private static List<List<String>> splitGroups(String s, String line) throws Invalid {
        List<List<String>> out = new ArrayList<>();
        int i = 0;
        while (true) {
            i = skipBlanks(s, i);
            if (i < s.length() && s.charAt(i) == '{') {
                int end = s.indexOf('}', i);
                if (end < 0) {
                    throw new Invalid("Invalid ~LST specification '" + line + "'");
                }
                List<String> group = new ArrayList<>();
                for (String w : s.substring(i + 1, end).split(",", -1)) {
                    group.add(word(w, line));
                }
                out.add(group);
                i = skipBlanks(s, end + 1);
            } else {
                int end = s.indexOf(',', i);
                end = end < 0 ? s.length() : end;
                out.add(List.of(word(s.substring(i, end), line)));
                i = end;
            }
            if (i >= s.length()) {
                return out;
            }
            if (s.charAt(i) != ',') {
                throw new Invalid("Invalid ~LST specification '" + line + "'");
            }
            i++;
        }
    }

    private static String word(String w, String line) throws Invalid {
        String t = w.strip();
        if (t.isEmpty() || t.chars().anyMatch(c -> LineLexer.isSpace((char) c))) {
            throw new Invalid("Invalid ~LST specification '" + line + "'");
        }
        return t;
    }

    private static int skipBlanks(String s, int i) {
        while (i < s.length() && LineLexer.isBlank(s.charAt(i))) {
            i++;
        }
        return i;
    }
}
