package org.jkeepalived.watchdog;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import org.jkeepalived.core.logging.SyslogFacility;
import org.slf4j.LoggerFactory;

/**
 * A daemon process's log output: the console in keepalived's {@code -l} form
 * ({@code Sat Nov 21 10:00:00 2026: (VI_1) Entering MASTER STATE}) and syslog under the process's
 * keepalived ident ({@code Keepalived}, {@code Keepalived_vrrp}, {@code Keepalived_healthcheckers}) with
 * the {@code -S} facility unless {@code -G}. {@code -D} (log_detail) adds the debug lines.
 */
final class ConsoleLogging {
    static final String PATTERN = "%d{EEE MMM d HH:mm:ss yyyy}: %msg%n";

    private ConsoleLogging() {
    }

    /** The console only (the in-process tests and {@code -t} paths). */
    static void configure(boolean detail) {
        configure(null, true, null, detail);
    }

    /** Logging for one process of the daemon as {@code o} asks. */
    static void configure(String ident, DaemonOptions o) {
        SyslogFacility facility = o.noSyslog ? null : SyslogFacility.parse(o.logFacility).orElse(SyslogFacility.DAEMON);
        configure(ident, o.logConsole, facility, o.logDetail);
    }

    private static void configure(String ident, boolean console, SyslogFacility facility, boolean detail) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext ctx)) {
            return; // another slf4j binding: leave it as configured
        }
        ctx.reset();
        Logger root = ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        if (console) {
            PatternLayoutEncoder encoder = new PatternLayoutEncoder();
            encoder.setContext(ctx);
            encoder.setPattern(PATTERN);
            encoder.start();
            ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
            appender.setContext(ctx);
            appender.setName("console");
            appender.setTarget("System.err");
            appender.setEncoder(encoder);
            appender.start();
            root.addAppender(appender);
        }
        if (facility != null && ident != null) {
            SyslogAppender syslog = new SyslogAppender(ident, facility);
            syslog.setContext(ctx);
            syslog.setName("syslog");
            syslog.start();
            root.addAppender(syslog);
        }
        root.setLevel(Level.INFO);
        ctx.getLogger("org.jkeepalived").setLevel(detail ? Level.DEBUG : Level.INFO);
        ctx.getLogger("org.pcap4j").setLevel(Level.WARN);
    }
}
