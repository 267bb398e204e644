package org.jkeepalived.core.logging;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * One message as the C library's {@code syslog(3)} sends it to {@code /dev/log} (RFC 3164 form, which
 * rsyslog and journald both read): {@code <PRI>Mmm dd hh:mm:ss IDENT[PID]: MESSAGE}. Pure: the caller
 * passes the local time.
 */
public final class SyslogLine {
    /** syslog(3)'s timestamp: the day of the month padded with a space. */
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("MMM ppd HH:mm:ss", Locale.ROOT);

    /** RFC 5424 severities used by the daemon. */
    public static final int ERR = 3;
    public static final int WARNING = 4;
    public static final int NOTICE = 5;
    public static final int INFO = 6;
    public static final int DEBUG = 7;

    private SyslogLine() {
    }

    /** The datagram's text; {@code PRI} is facility × 8 + severity. */
    public static String format(SyslogFacility facility, int severity, LocalDateTime time, String ident, long pid,
                                String message) {
        return "<" + (facility.code() * 8 + severity) + ">" + STAMP.format(time) + " " + ident + "[" + pid + "]: "
                + message;
    }

    /** {@link #format} as the bytes to send. */
    public static byte[] encode(SyslogFacility facility, int severity, LocalDateTime time, String ident, long pid,
                                String message) {
        return format(facility, severity, time, ident, pid, message).getBytes(StandardCharsets.UTF_8);
    }
}
