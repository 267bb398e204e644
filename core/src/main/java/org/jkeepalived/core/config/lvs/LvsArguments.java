package org.jkeepalived.core.config.lvs;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.jkeepalived.core.config.Arguments;
import org.jkeepalived.core.config.ConfigNode;
import org.jkeepalived.core.config.Diagnostics;
import org.jkeepalived.core.config.ScriptCommand;

/**
 * Typed values of the LVS blocks that {@link Arguments} does not cover: unsigned 32-bit numbers, ports, keepalived
 * timers and notify scripts. Like {@link Arguments}, a bad value is an error on the statement and an empty result.
 */
public final class LvsArguments {
    /** The largest value of keepalived's unsigned 32-bit settings. */
    public static final long UINT_MAX = 4294967295L;
    /** The smallest non-zero keepalived timer: timers are kept in microseconds. */
    public static final Duration MIN_TIMER = Duration.ofNanos(1000);
    /** Larger than any sensible timer; keepalived keeps microseconds in an unsigned long. */
    public static final Duration MAX_TIMER = Duration.ofSeconds(UINT_MAX);

    private LvsArguments() {
    }

    /** A whole number within [min, max] that may exceed the int range. */
    public static OptionalLong number(ConfigNode n, int index, long min, long max, Diagnostics d) {
        String v = n.arg(index);
        if (v == null) {
            d.error(n, "missing value (expected a number " + min + ".." + max + ")");
            return OptionalLong.empty();
        }
        long parsed;
        try {
            parsed = Long.parseLong(v);
        } catch (NumberFormatException e) {
            d.error(n, "'" + v + "' is not a whole number (expected " + min + ".." + max + ")");
            return OptionalLong.empty();
        }
        if (parsed < min || parsed > max) {
            d.error(n, parsed + " is out of range " + min + ".." + max);
            return OptionalLong.empty();
        }
        return OptionalLong.of(parsed);
    }

    /** A TCP/UDP port 1..65535. */
    public static OptionalInt port(ConfigNode n, int index, Diagnostics d) {
        return Arguments.integer(n, index, 1, 65535, d);
    }

    /** A port 1..65535 parsed from text, or -1. */
    public static int parsePort(String text) {
        try {
            int p = Integer.parseInt(text);
            return p >= 1 && p <= 65535 ? p : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** A keepalived timer in (fractional) seconds, at least {@code min}. */
    public static Optional<Duration> timer(ConfigNode n, Duration min, Diagnostics d) {
        return Arguments.seconds(n, 0, min, MAX_TIMER, d);
    }

    /** A {@code connect_timeout}: keepalived keeps it as unsigned microseconds, so at most 4294.967295 s. */
    public static Optional<Duration> connectTimeout(ConfigNode n, Diagnostics d) {
        return Arguments.seconds(n, 0, MIN_TIMER, Duration.ofNanos(UINT_MAX * 1000), d);
    }

    /** A retry count 0..4294967295. */
    public static OptionalLong retry(ConfigNode n, Diagnostics d) {
        return number(n, 0, 0, UINT_MAX, d);
    }

    /** {@code keyword SCRIPT [USER [GROUP]]}: the script as one (possibly quoted) word. */
    public static Optional<ScriptCommand> script(ConfigNode n, Diagnostics d) {
        return ScriptCommand.parseLenient(n, 0, d);
    }

    /** The first argument of a statement. */
    public static Optional<String> word(ConfigNode n, String what, Diagnostics d) {
        // keepalived ignores extra words silently, so no warning here either.
        return Arguments.string(n, 0, what, d);
    }

    /** An IPv6 link-local address (fe80::/10), which needs an interface to be usable. */
    public static boolean isLinkLocal(InetAddress a) {
        return a instanceof Inet6Address && a.isLinkLocalAddress();
    }

    /** Renders an address and port for messages: IPv6 in brackets, port left out when 0. */
    public static String format(InetAddress a, int port) {
        String host = a instanceof Inet6Address ? "[" + text(a) + "]" : text(a);
        return port == 0 ? host : host + ":" + port;
    }

    /** An address in its usual short form (RFC 5952 for IPv6: the longest run of zero groups becomes ::). */
    public static String text(InetAddress a) {
        if (!(a instanceof Inet6Address)) {
            return a.getHostAddress();
        }
        byte[] b = a.getAddress();
        int[] g = new int[8];
        for (int i = 0; i < 8; i++) {
            g[i] = ((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLen = 1;
        for (int i = 0; i < 8; i++) {
            int j = i;
            while (j < 8 && g[j] == 0) {
                j++;
            }
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
            i = Math.max(i, j);
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                out.append(i == 0 ? "::" : ":");
                i += bestLen - 1;
                continue;
            }
            out.append(Integer.toHexString(g[i]));
            if (i < 7) {
                out.append(':');
            }
        }
        return out.toString();
    }
}
