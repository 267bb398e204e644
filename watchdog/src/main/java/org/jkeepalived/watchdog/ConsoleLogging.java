package org.jkeepalived.watchdog;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import org.slf4j.LoggerFactory;

/**
 * The daemon's log output on the console, in keepalived's {@code -l} form:
 * {@code Sat Nov 21 10:00:00 2026: (VI_1) Entering MASTER STATE}. {@code -D} (log_detail) adds the
 * debug lines. Syslog (no {@code -l}) is not there yet: the console is used either way.
 */
final class ConsoleLogging {
    static final String PATTERN = "%d{EEE MMM d HH:mm:ss yyyy}: %msg%n";

    private ConsoleLogging() {
    }

    static void configure(boolean detail) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext ctx)) {
            return; // another slf4j binding: leave it as configured
        }
        ctx.reset();
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(ctx);
        encoder.setPattern(PATTERN);
        encoder.start();
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(ctx);
        console.setName("console");
        console.setTarget("System.err");
        console.setEncoder(encoder);
        console.start();
        Logger root = ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(console);
        root.setLevel(Level.INFO);
        ctx.getLogger("org.jkeepalived").setLevel(detail ? Level.DEBUG : Level.INFO);
        ctx.getLogger("org.pcap4j").setLevel(Level.WARN);
    }
}
