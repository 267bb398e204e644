package org.jkeepalived.watchdog;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.time.LocalDateTime;
import org.jkeepalived.core.logging.SyslogFacility;
import org.jkeepalived.core.logging.SyslogLine;
import org.jkeepalived.netlink.sys.ErrnoException;
import org.jkeepalived.netlink.sys.UnixDatagramSender;

/**
 * Sends log events to the local syslog daemon (rsyslog or journald) through {@code /dev/log}, as
 * keepalived's {@code syslog(3)} calls do, under keepalived's ident for this process. If {@code /dev/log}
 * is missing (a container without syslog) it stays quiet.
 */
final class SyslogAppender extends AppenderBase<ILoggingEvent> {
    static final String DEV_LOG = "/dev/log";
    /** System property that points syslog elsewhere (tests); children inherit it from the parent. */
    static final String SOCKET_PROPERTY = "jkeepalived.syslog.socket";

    private final String ident;
    private final SyslogFacility facility;
    private final long pid = ProcessHandle.current().pid();
    private UnixDatagramSender socket;

    SyslogAppender(String ident, SyslogFacility facility) {
        this.ident = ident;
        this.facility = facility;
    }

    @Override
    public void start() {
        try {
            socket = UnixDatagramSender.open(System.getProperty(SOCKET_PROPERTY, DEV_LOG));
        } catch (ErrnoException | RuntimeException | LinkageError e) {
            addWarn("syslog unavailable: " + e.getMessage());
        }
        super.start();
    }

    @Override
    protected void append(ILoggingEvent event) {
        if (socket != null) {
            socket.send(SyslogLine.encode(facility, severity(event.getLevel()), LocalDateTime.now(), ident, pid,
                    event.getFormattedMessage()));
        }
    }

    @Override
    public void stop() {
        super.stop();
        if (socket != null) {
            socket.close();
            socket = null;
        }
    }

    private static int severity(Level level) {
        return switch (level.toInt()) {
            case Level.ERROR_INT -> SyslogLine.ERR;
            case Level.WARN_INT -> SyslogLine.WARNING;
            case Level.INFO_INT -> SyslogLine.INFO;
            default -> SyslogLine.DEBUG;
        };
    }
}
