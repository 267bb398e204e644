package org.jkeepalived.watchdog.status;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A strict parser of Prometheus' text exposition format 0.0.4, for tests: it fails (AssertionError naming the line)
 * on anything a scraper could refuse or misread — bad metric or label names, bad escapes in label values or help,
 * a second HELP or TYPE for a family, a TYPE after the family's samples, a family's samples split by another
 * family, a repeated series, a value that is not a float, a negative counter, a missing final newline.
 */
final class PrometheusText {
    private static final Pattern METRIC = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern LABEL = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
    private static final Pattern FLOAT = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?|NaN|[+-]Inf");

    /** Family name to TYPE ("untyped" when only samples were seen). */
    final Map<String, String> types = new LinkedHashMap<>();
    final Map<String, String> help = new LinkedHashMap<>();
    /** Series ({@code name{a="x",b="y"}} with labels sorted, unescaped) to value. */
    final Map<String, Double> samples = new LinkedHashMap<>();

    static PrometheusText parse(String text) {
        PrometheusText p = new PrometheusText();
        if (!text.isEmpty() && !text.endsWith("\n")) {
            throw new AssertionError("the document must end with a newline");
        }
        Set<String> closed = new HashSet<>();
        String open = null;
        String[] lines = text.split("\n", -1);
        for (int n = 0; n < lines.length - 1; n++) {
            String line = lines[n];
            String where = "line " + (n + 1) + ": " + line;
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("#")) {
                String[] w = line.split(" ", 4);
                if (w.length >= 3 && (w[1].equals("HELP") || w[1].equals("TYPE"))) {
                    String name = w[2];
                    check(METRIC.matcher(name).matches(), "bad metric name", where);
                    check(!closed.contains(name) && !p.samples.keySet().stream()
                            .anyMatch(s -> family(s, p).equals(name)), "HELP/TYPE after the family's samples", where);
                    if (w[1].equals("HELP")) {
                        check(!p.help.containsKey(name), "second HELP", where);
                        p.help.put(name, unescape(w.length > 3 ? w[3] : "", false, where));
                    } else {
                        check(!p.types.containsKey(name), "second TYPE", where);
                        check(w.length == 4 && Set.of("counter", "gauge", "histogram", "summary", "untyped")
                                .contains(w[3]), "bad TYPE", where);
                        p.types.put(name, w[3]);
                    }
                }
                continue; // other comments are allowed
            }
            String series = p.sample(line, where);
            String fam = family(series, p);
            if (!fam.equals(open)) {
                check(!closed.contains(fam), "samples of " + fam + " are not together", where);
                if (open != null) {
                    closed.add(open);
                }
                open = fam;
            }
        }
        return p;
    }

    /** The family a series belongs to (a counter's samples carry its name; no histograms here). */
    private static String family(String series, PrometheusText p) {
        int brace = series.indexOf('{');
        return brace < 0 ? series : series.substring(0, brace);
    }

    private String sample(String line, String where) {
        int i = 0;
        while (i < line.length() && line.charAt(i) != '{' && line.charAt(i) != ' ') {
            i++;
        }
        String name = line.substring(0, i);
        check(METRIC.matcher(name).matches(), "bad metric name", where);
        Map<String, String> labels = new TreeMap<>();
        if (i < line.length() && line.charAt(i) == '{') {
            i++;
            while (line.charAt(i) != '}') {
                int eq = line.indexOf('=', i);
                check(eq > 0, "label without =", where);
                String label = line.substring(i, eq);
                check(LABEL.matcher(label).matches() && !label.startsWith("__"), "bad label name " + label, where);
                check(line.charAt(eq + 1) == '"', "label value not quoted", where);
                StringBuilder v = new StringBuilder();
                int j = eq + 2;
                for (; ; j++) {
                    check(j < line.length(), "unterminated label value", where);
                    char c = line.charAt(j);
                    if (c == '"') {
                        break;
                    }
                    if (c == '\\') {
                        char e = line.charAt(++j);
                        check(e == '\\' || e == '"' || e == 'n', "bad escape \\" + e, where);
                        v.append(e == 'n' ? '\n' : e);
                    } else {
                        v.append(c);
                    }
                }
                check(labels.put(label, v.toString()) == null, "repeated label " + label, where);
                i = j + 1;
                if (line.charAt(i) == ',') {
                    i++;
                } else {
                    check(line.charAt(i) == '}', "expected , or }", where);
                }
            }
            i++;
        }
        check(i < line.length() && line.charAt(i) == ' ', "no space before the value", where);
        String[] rest = line.substring(i + 1).split(" ");
        check(rest.length == 1 || rest.length == 2 && rest[1].matches("-?\\d+"), "bad value/timestamp", where);
        check(FLOAT.matcher(rest[0]).matches(), "bad value " + rest[0], where);
        double value = rest[0].endsWith("Inf") ? (rest[0].startsWith("-") ? Double.NEGATIVE_INFINITY
                : Double.POSITIVE_INFINITY) : Double.parseDouble(rest[0]);
        if ("counter".equals(types.get(name))) {
            check(value >= 0, "negative counter", where);
        }
        types.putIfAbsent(name, "untyped");
        StringBuilder key = new StringBuilder(name);
        if (!labels.isEmpty()) {
            key.append('{');
            labels.forEach((k, v) -> key.append(key.charAt(key.length() - 1) == '{' ? "" : ",").append(k)
                    .append("=\"").append(v).append('"'));
            key.append('}');
        }
        check(samples.put(key.toString(), value) == null, "repeated series", where);
        return key.toString();
    }

    private static String unescape(String s, boolean quotes, String where) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                check(i + 1 < s.length(), "dangling backslash", where);
                char e = s.charAt(++i);
                check(e == '\\' || e == 'n' || quotes && e == '"', "bad escape \\" + e, where);
                b.append(e == 'n' ? '\n' : e);
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static void check(boolean ok, String what, String where) {
        if (!ok) {
            throw new AssertionError(what + " at " + where);
        }
    }

    /** The value of one series, e.g. {@code value("x_total", "instance", "VI_1")}; fails when it is absent. */
    double value(String name, String... labels) {
        Map<String, String> l = new TreeMap<>();
        for (int i = 0; i < labels.length; i += 2) {
            l.put(labels[i], labels[i + 1]);
        }
        StringBuilder key = new StringBuilder(name);
        if (!l.isEmpty()) {
            key.append('{');
            l.forEach((k, v) -> key.append(key.charAt(key.length() - 1) == '{' ? "" : ",").append(k)
                    .append("=\"").append(v).append('"'));
            key.append('}');
        }
        Double v = samples.get(key.toString());
        if (v == null) {
            throw new AssertionError("no series " + key + " in " + samples.keySet());
        }
        return v;
    }
}
