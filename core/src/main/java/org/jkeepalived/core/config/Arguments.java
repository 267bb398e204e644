package org.jkeepalived.core.config;

import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * Reads typed values from a statement's arguments. Every reader reports a bad or missing value as an
 * error on the statement (file:line and keyword) and returns an empty result, so callers keep the
 * default, as keepalived does, and carry on reading the rest of the file.
 */
public final class Arguments {
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");

    private Arguments() {
    }

    /** The argument at {@code index}, or an error naming what was expected. */
    public static Optional<String> string(ConfigNode n, int index, String what, Diagnostics d) {
        String v = n.arg(index);
        if (v == null) {
            d.error(n, "missing " + what);
            return Optional.empty();
        }
        return Optional.of(v);
    }

    /** A whole number within [min, max]. */
    public static OptionalInt integer(ConfigNode n, int index, long min, long max, Diagnostics d) {
        String v = n.arg(index);
        if (v == null) {
            d.error(n, "missing value (expected a number " + min + ".." + max + ")");
            return OptionalInt.empty();
        }
        long parsed;
        try {
            parsed = Long.parseLong(v);
        } catch (NumberFormatException e) {
            d.error(n, "'" + v + "' is not a whole number (expected " + min + ".." + max + ")");
            return OptionalInt.empty();
        }
        if (parsed < min || parsed > max) {
            d.error(n, parsed + " is out of range " + min + ".." + max);
            return OptionalInt.empty();
        }
        return OptionalInt.of((int) parsed);
    }

    /** The first argument as a whole number within [min, max]. */
    public static OptionalInt integer(ConfigNode n, long min, long max, Diagnostics d) {
        return integer(n, 0, min, max, d);
    }

    /**
     * A duration written in (possibly fractional) seconds, e.g. {@code 0.1} or {@code 3}, with
     * microsecond resolution as keepalived keeps timers, within [min, max].
     */
    public static Optional<Duration> seconds(ConfigNode n, int index, Duration min, Duration max, Diagnostics d) {
        String v = n.arg(index);
        if (v == null) {
            d.error(n, "missing value (expected seconds)");
            return Optional.empty();
        }
        BigDecimal s;
        try {
            s = new BigDecimal(v);
        } catch (NumberFormatException e) {
            d.error(n, "'" + v + "' is not a number of seconds");
            return Optional.empty();
        }
        if (s.scale() > 6) {
            s = s.setScale(6, java.math.RoundingMode.HALF_UP);
        }
        Duration dur;
        try {
            dur = Duration.ofNanos(s.movePointRight(9).longValueExact());
        } catch (ArithmeticException e) {
            d.error(n, "'" + v + "' seconds is out of range");
            return Optional.empty();
        }
        if (dur.compareTo(min) < 0 || dur.compareTo(max) > 0) {
            d.error(n, v + " seconds is out of range " + fmt(min) + ".." + fmt(max));
            return Optional.empty();
        }
        return Optional.of(dur);
    }

    public static Optional<Duration> seconds(ConfigNode n, Duration min, Duration max, Diagnostics d) {
        return seconds(n, 0, min, max, d);
    }

    /**
     * A keepalived boolean: no argument means true; otherwise true/on/yes or false/off/no
     * (case-insensitive).
     */
    public static Optional<Boolean> bool(ConfigNode n, int index, Diagnostics d) {
        String v = n.arg(index);
        if (v == null) {
            return Optional.of(Boolean.TRUE);
        }
        switch (v.toLowerCase(Locale.ROOT)) {
            case "true", "on", "yes":
                return Optional.of(Boolean.TRUE);
            case "false", "off", "no":
                return Optional.of(Boolean.FALSE);
            default:
                d.error(n, "'" + v + "' is not a boolean (expected true/false, on/off or yes/no)");
                return Optional.empty();
        }
    }

    public static Optional<Boolean> bool(ConfigNode n, Diagnostics d) {
        return bool(n, 0, d);
    }

    /** An IPv4 or IPv6 address literal; host names are refused (no DNS lookups while reading config). */
    public static Optional<InetAddress> address(ConfigNode n, int index, Diagnostics d) {
        String v = n.arg(index);
        if (v == null) {
            d.error(n, "missing IP address");
            return Optional.empty();
        }
        Optional<InetAddress> a = parseAddress(v);
        if (a.isEmpty()) {
            d.error(n, "'" + v + "' is not an IP address");
        }
        return a;
    }

    /** Parses an IPv4 or IPv6 literal without ever touching DNS. */
    public static Optional<InetAddress> parseAddress(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        try {
            if (text.indexOf(':') >= 0) {
                String t = text;
                if (t.startsWith("[") && t.endsWith("]")) {
                    t = t.substring(1, t.length() - 1);
                }
                if (!t.matches("[0-9A-Fa-f:.%a-zA-Z0-9_-]+")) {
                    return Optional.empty();
                }
                InetAddress a = InetAddress.getByName(t);
                return Optional.of(a);
            }
            var m = IPV4.matcher(text);
            if (!m.matches()) {
                return Optional.empty();
            }
            byte[] b = new byte[4];
            for (int i = 0; i < 4; i++) {
                int octet = Integer.parseInt(m.group(i + 1));
                if (octet > 255) {
                    return Optional.empty();
                }
                b[i] = (byte) octet;
            }
            return Optional.of(InetAddress.getByAddress(b));
        } catch (UnknownHostException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Warns that the statement takes no more than {@code max} arguments, naming what was ignored. */
    public static void atMost(ConfigNode n, int max, Diagnostics d) {
        if (n.args().size() > max) {
            d.warning(n, "extra arguments ignored: " + String.join(" ", n.args().subList(max, n.args().size())));
        }
    }

    private static String fmt(Duration x) {
        return BigDecimal.valueOf(x.toNanos()).movePointLeft(9).stripTrailingZeros().toPlainString();
    }
}
