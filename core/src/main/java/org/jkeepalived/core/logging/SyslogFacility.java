package org.jkeepalived.core.logging;

import java.util.Locale;
import java.util.Optional;

/**
 * A syslog facility as {@code -S} names it (keepalived 2.2: {@code 0}–{@code 7} or {@code local0}–{@code local7},
 * {@code user}, {@code daemon}), with its RFC 5424 code.
 */
public enum SyslogFacility {
    USER(1), DAEMON(3),
    LOCAL0(16), LOCAL1(17), LOCAL2(18), LOCAL3(19), LOCAL4(20), LOCAL5(21), LOCAL6(22), LOCAL7(23);

    private final int code;

    SyslogFacility(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** Parses {@code -S}'s argument; empty for anything keepalived would reject. */
    public static Optional<SyslogFacility> parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.matches("[0-7]")) {
            return Optional.of(values()[2 + Integer.parseInt(t)]);
        }
        for (SyslogFacility f : values()) {
            if (f.name().toLowerCase(Locale.ROOT).equals(t)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
