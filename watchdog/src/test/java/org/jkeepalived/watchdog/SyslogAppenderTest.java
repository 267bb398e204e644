package org.jkeepalived.watchdog;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.jkeepalived.core.logging.SyslogFacility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The syslog appender's datagrams, received by a UNIX datagram socket python3 binds (skipped without python3). */
class SyslogAppenderTest {
    @TempDir
    Path dir;

    @Test
    void sendsRfc3164LinesUnderTheIdent() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/python3")), "needs python3 for the receiving socket");
        Path socket = dir.resolve("log.sock");
        Path received = dir.resolve("received");
        Process receiver = new ProcessBuilder("/usr/bin/python3", "-c", """
                import socket, sys
                s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
                s.bind(sys.argv[1])
                s.settimeout(10)
                open(sys.argv[2], 'wb').write(s.recv(4096))
                """, socket.toString(), received.toString()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!Files.exists(socket) && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            System.setProperty(SyslogAppender.SOCKET_PROPERTY, socket.toString());
            SyslogAppender appender = new SyslogAppender("Keepalived_vrrp", SyslogFacility.LOCAL1);
            appender.setContext(new LoggerContext());
            appender.start();
            LoggingEvent e = new LoggingEvent();
            e.setLevel(Level.WARN);
            e.setMessage("(VI_1) Entering FAULT STATE");
            appender.doAppend(e);
            appender.stop();
            assertTrue(receiver.waitFor(10, TimeUnit.SECONDS));
            String line = Files.readString(received);
            // local1 (17) * 8 + warning (4) = 140
            assertTrue(line.matches("<140>\\w{3} [ \\d]\\d \\d\\d:\\d\\d:\\d\\d Keepalived_vrrp\\["
                    + ProcessHandle.current().pid() + "\\]: \\(VI_1\\) Entering FAULT STATE"), line);
        } finally {
            System.clearProperty(SyslogAppender.SOCKET_PROPERTY);
            receiver.destroyForcibly();
        }
    }
}
