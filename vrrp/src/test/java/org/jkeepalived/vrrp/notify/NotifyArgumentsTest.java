package org.jkeepalived.vrrp.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.jkeepalived.core.config.ScriptCommand;
import org.jkeepalived.core.config.SourceLocation;
import org.jkeepalived.core.config.vrrp.NotifyScripts;
import org.junit.jupiter.api.Test;

/** Expectations recorded from keepalived 2.2.7 running a script that writes its argv (see the report). */
class NotifyArgumentsTest {
    static ScriptCommand cmd(String line) {
        return new ScriptCommand(line, Optional.empty(), Optional.empty(), new SourceLocation("k.conf", 1));
    }

    static final NotifyScripts SCRIPTS = new NotifyScripts(Optional.of(cmd("/k/argv.sh imaster")),
            Optional.of(cmd("/k/argv.sh ibackup")), Optional.of(cmd("/k/argv.sh ifault")),
            Optional.of(cmd("/k/argv.sh istop")), false, Optional.empty(), Optional.of(cmd("/k/argv.sh inotify x")),
            Optional.of(cmd("/k/argv.sh rxlower")));

    private static List<String> lines(NotifyEvent e) {
        return NotifyArguments.of(SCRIPTS, e).stream()
                .map(i -> i.script().command() + (i.extra().isEmpty() ? "" : " " + String.join(" ", i.extra())))
                .toList();
    }

    @Test
    void theStateScriptGetsOnlyItsWordsAndNotifyGetsFourMore() {
        assertEquals(List.of("/k/argv.sh imaster", "/k/argv.sh inotify x INSTANCE VI_1 MASTER 100"),
                lines(new NotifyEvent(NotifyEvent.Kind.INSTANCE, "VI_1", "MASTER", 100)));
        assertEquals(List.of("/k/argv.sh istop", "/k/argv.sh inotify x INSTANCE VI_1 STOP 100"),
                lines(new NotifyEvent(NotifyEvent.Kind.INSTANCE, "VI_1", "STOP", 100)));
        assertEquals(List.of("/k/argv.sh ifault", "/k/argv.sh inotify x GROUP G1 FAULT 0"),
                lines(new NotifyEvent(NotifyEvent.Kind.GROUP, "G1", "FAULT", 0)));
    }

    @Test
    void masterRxLowerPriRunsOnlyItsOwnScript() {
        assertEquals(List.of("/k/argv.sh rxlower"),
                lines(new NotifyEvent(NotifyEvent.Kind.INSTANCE, "VI_1", NotifyEvent.MASTER_RX_LOWER_PRI, 100)));
    }

    @Test
    void fifoLinesAreKeepalivedsFormat() {
        // read from keepalived 2.2.7's vrrp_notify_fifo
        assertEquals("INSTANCE \"VI_1\" MASTER 100\n",
                new NotifyEvent(NotifyEvent.Kind.INSTANCE, "VI_1", "MASTER", 100).fifoLine());
        assertEquals("GROUP \"G1\" BACKUP 0\n", new NotifyEvent(NotifyEvent.Kind.GROUP, "G1", "BACKUP", 0).fifoLine());
        assertEquals("INSTANCE \"VI_1\" MASTER_RX_LOWER_PRI 150\n",
                new NotifyEvent(NotifyEvent.Kind.INSTANCE, "VI_1", NotifyEvent.MASTER_RX_LOWER_PRI, 150).fifoLine());
    }
}
