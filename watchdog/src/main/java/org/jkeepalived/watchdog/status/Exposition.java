package org.jkeepalived.watchdog.status;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A document in Prometheus' text exposition format (version 0.0.4): metric families, each with one
 * {@code # HELP} and one {@code # TYPE} line followed by its samples, whatever order the samples were added in.
 * Label values and help texts are escaped as the format requires; a family without samples is left out.
 */
public final class Exposition {
    /** The Content-Type of this format. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    /** A family's kind, its {@code # TYPE}. */
    public enum Type {
        GAUGE,
        COUNTER
    }

    private final Map<String, Family> families = new LinkedHashMap<>();

    private static final class Family {
        final Type type;
        final String help;
        final StringBuilder samples = new StringBuilder();

        Family(Type type, String help) {
            this.type = type;
            this.help = help;
        }
    }

    /** Declares a family (again is fine if type and help agree); names follow {@code [a-zA-Z_:][a-zA-Z0-9_:]*}. */
    public Exposition family(String name, Type type, String help) {
        if (!name.matches("[a-zA-Z_:][a-zA-Z0-9_:]*")) {
            throw new IllegalArgumentException("bad metric name " + name);
        }
        Family f = families.computeIfAbsent(name, n -> new Family(type, help));
        if (f.type != type) {
            throw new IllegalArgumentException(name + " is a " + f.type + ", not a " + type);
        }
        return this;
    }

    /** Adds a sample to a declared family; {@code labels} alternate name and value. */
    public Exposition sample(String name, double value, String... labels) {
        Family f = families.get(name);
        if (f == null) {
            throw new IllegalArgumentException("undeclared family " + name);
        }
        if (labels.length % 2 != 0) {
            throw new IllegalArgumentException("labels come in name, value pairs");
        }
        StringBuilder b = f.samples.append(name);
        if (labels.length > 0) {
            b.append('{');
            for (int i = 0; i < labels.length; i += 2) {
                b.append(i == 0 ? "" : ",").append(labels[i]).append("=\"").append(escapeLabel(labels[i + 1]))
                        .append('"');
            }
            b.append('}');
        }
        b.append(' ').append(format(value)).append('\n');
        return this;
    }

    /** The document: every family with samples, in the order first declared. */
    public String render() {
        StringBuilder b = new StringBuilder();
        families.forEach((name, f) -> {
            if (f.samples.length() > 0) {
                b.append("# HELP ").append(name).append(' ').append(escapeHelp(f.help)).append('\n')
                        .append("# TYPE ").append(name).append(' ').append(f.type.name().toLowerCase()).append('\n')
                        .append(f.samples);
            }
        });
        return b.toString();
    }

    /** A value as the format writes it: integers without a fraction, NaN and infinities by name. */
    static String format(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "+Inf" : "-Inf";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    static String escapeLabel(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    static String escapeHelp(String s) {
        return s.replace("\\", "\\\\").replace("\n", "\\n");
    }
}
