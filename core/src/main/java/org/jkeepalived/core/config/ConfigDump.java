package org.jkeepalived.core.config;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Renders a configuration model as the readable indented text {@code -d} prints: one line per
 * field, nested records and lists indented below their name; empty values are left out so the dump
 * shows what the operator configured plus the defaults that matter.
 */
public final class ConfigDump {
    private static final String INDENT = "  ";

    private ConfigDump() {
    }

    public static String render(Object model) {
        StringBuilder sb = new StringBuilder();
        renderValue(sb, 0, typeName(model), model);
        return sb.toString();
    }

    private static void renderValue(StringBuilder sb, int depth, String name, Object value) {
        if (value instanceof Optional<?> o) {
            if (o.isPresent()) {
                renderValue(sb, depth, name, o.get());
            }
            return;
        }
        if (value == null || value instanceof SourceLocation) {
            return;
        }
        if (value instanceof Record r) {
            line(sb, depth, name + location(r));
            for (RecordComponent c : r.getClass().getRecordComponents()) {
                renderValue(sb, depth + 1, c.getName(), read(c, r));
            }
            return;
        }
        if (value instanceof Collection<?> c) {
            if (c.isEmpty()) {
                return;
            }
            if (c.stream().allMatch(ConfigDump::isScalar)) {
                StringBuilder items = new StringBuilder();
                for (Object item : c) {
                    items.append(items.length() == 0 ? "" : ", ").append(scalar(item));
                }
                line(sb, depth, name + " = [" + items + "]");
                return;
            }
            line(sb, depth, name + " (" + c.size() + ")");
            for (Object item : c) {
                renderValue(sb, depth + 1, "- " + typeName(item), item);
            }
            return;
        }
        if (value instanceof Map<?, ?> m) {
            if (m.isEmpty()) {
                return;
            }
            line(sb, depth, name);
            m.forEach((k, v) -> renderValue(sb, depth + 1, String.valueOf(k), v));
            return;
        }
        String s = scalar(value);
        if (s != null) {
            line(sb, depth, name + " = " + s);
        }
    }

    private static boolean isScalar(Object o) {
        return !(o instanceof Record) && !(o instanceof Collection<?>) && !(o instanceof Map<?, ?>)
                && !(o instanceof Optional<?>);
    }

    private static String scalar(Object v) {
        if (v instanceof OptionalInt o) {
            return o.isPresent() ? Integer.toString(o.getAsInt()) : null;
        }
        if (v instanceof OptionalLong o) {
            return o.isPresent() ? Long.toString(o.getAsLong()) : null;
        }
        if (v instanceof Duration d) {
            return BigDecimal.valueOf(d.toNanos()).movePointLeft(9).stripTrailingZeros().toPlainString() + "s";
        }
        if (v instanceof InetAddress a) {
            return a.getHostAddress();
        }
        if (v instanceof Enum<?> e) {
            return e.toString();
        }
        if (v instanceof String s) {
            return s.isEmpty() || s.chars().anyMatch(Character::isWhitespace) ? '"' + s + '"' : s;
        }
        if (v instanceof byte[] b) {
            return b.length + " bytes";
        }
        return String.valueOf(v);
    }

    private static String location(Record r) {
        for (RecordComponent c : r.getClass().getRecordComponents()) {
            if (c.getType() == SourceLocation.class) {
                Object at = read(c, r);
                return at == null ? "" : "  # " + at;
            }
        }
        return "";
    }

    private static Object read(RecordComponent c, Record r) {
        try {
            return c.getAccessor().invoke(r);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + c.getName() + " of " + r.getClass().getSimpleName(), e);
        }
    }

    private static String typeName(Object o) {
        return o == null ? "null" : o.getClass().getSimpleName();
    }

    private static void line(StringBuilder sb, int depth, String text) {
        sb.append(INDENT.repeat(depth)).append(text).append('\n');
    }
}
