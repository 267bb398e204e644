package org.jkeepalived.vrrp.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import org.jkeepalived.core.config.ConfigLoader;
import org.jkeepalived.core.config.HostInterfaces;
import org.jkeepalived.core.config.KeepalivedConfig;
import org.jkeepalived.core.config.LoadOptions;
import org.jkeepalived.core.config.ScriptVerdict;
import org.jkeepalived.vrrp.engine.TransitionReason;
import org.jkeepalived.vrrp.engine.VrrpState;
import org.jkeepalived.vrrp.track.FakeScriptRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * notify_priority_changes as keepalived 2.2.7 does it (run with a notify FIFO and a tracked script of weight -20
 * that flips): {@code INSTANCE "VI_P" BACKUP_PRIORITY 80}, {@code MASTER_PRIORITY 100}, on every FIFO, only for
 * instances that ask, and no notify script runs for it.
 */
class NotifyPriorityChangesTest {
    @TempDir
    Path dir;

    private static String instance(String name, int vrid, String extra) {
        return "vrrp_instance " + name + " {\n interface eth0\n virtual_router_id " + vrid + "\n priority 100\n"
                + " notify /bin/notify\n notify_master /bin/master\n" + extra
                + " virtual_ipaddress {\n  192.0.2.100/24\n }\n}\n";
    }

    @Test
    void fifoLinesForInstancesThatAskAndNoScripts() throws Exception {
        Path fifo = dir.resolve("vrrp.fifo");
        Path general = dir.resolve("all.fifo");
        KeepalivedConfig c = ConfigLoader.load("global_defs {\n vrrp_notify_fifo " + fifo + "\n notify_fifo " + general
                + "\n}\n" + instance("VI_P", 51, " notify_priority_changes true\n") + instance("VI_Q", 52, ""),
                "test.conf", dir, new LoadOptions("host", false, HostInterfaces.ANY)).config();
        FakeScriptRunner runner = new FakeScriptRunner();
        Notifier n = new Notifier(c.global(), c.vrrp(), runner, x -> ScriptVerdict.run(0, 0), 0, 0, "host",
                Duration.ofSeconds(5));
        n.open();
        try (FileChannel r1 = FileChannel.open(fifo, StandardOpenOption.READ);
             FileChannel r2 = FileChannel.open(general, StandardOpenOption.READ)) {
            n.onPriorityChanged("VI_P", VrrpState.BACKUP, 80);
            n.onTransition("VI_P", VrrpState.MASTER, VrrpState.BACKUP, TransitionReason.MASTER_DOWN_TIMER, 80);
            n.onPriorityChanged("VI_P", VrrpState.MASTER, 100);
            n.onPriorityChanged("VI_P", VrrpState.FAULT, 80);
            n.onPriorityChanged("VI_Q", VrrpState.MASTER, 110);
            n.close(Duration.ofSeconds(5));
            String expected = """
                    INSTANCE "VI_P" BACKUP_PRIORITY 80
                    INSTANCE "VI_P" MASTER 80
                    INSTANCE "VI_P" MASTER_PRIORITY 100
                    INSTANCE "VI_P" BACKUP_PRIORITY 80
                    """;
            assertEquals(expected, read(r1));
            assertEquals(expected, read(r2));
        }
        assertEquals(List.of("/bin/master", "/bin/notify INSTANCE VI_P MASTER 80"),
                runner.runs.stream().map(r -> String.join(" ", r.argv)).toList(), "scripts only for the transition");
    }

    private static String read(FileChannel ch) throws Exception {
        return new String(Channels.newInputStream(ch).readAllBytes(), StandardCharsets.UTF_8);
    }
}
