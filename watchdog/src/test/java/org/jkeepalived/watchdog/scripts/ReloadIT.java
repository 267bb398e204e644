package org.jkeepalived.watchdog.scripts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.jkeepalived.core.testing.Command;
import org.jkeepalived.core.testing.DaemonProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * SIGHUP on a running MASTER, between two jkeepalived routers on one LAN: a VIP added to its instance appears
 * with no transition anywhere (no priority 0 on the wire, no notify script run again), and a failing
 * track_script added to it lowers its priority so that the peer takes over.
 */
class ReloadIT {
    private static final String VIP = "192.0.2.100";
    private static final String VIP2 = "192.0.2.101";
    @RegisterExtension
    final Lab lab = new Lab();

    /** A router's config; {@code extra} goes inside the instance, {@code scripts} before it. */
    private Path conf(String name, int priority, List<String> vips, String scripts, String extra) {
        return lab.routerConf(name, "", scripts, priority, vips,
                "notify " + lab.dir().resolve("notify_" + name) + "\n    " + extra);
    }

    private void hup(String name) {
        String pid = lab.read(name + ".pid").strip();
        Command.check("kill", "-HUP", pid);
    }

    private DaemonProcess capture() {
        return lab.start(lab.b(), "wire", List.of("tcpdump", "-i", "eth0", "-n", "-l", "ip proto 112"));
    }

    private void masterAndBackup(Path a, Path b) throws Exception {
        lab.script("notify_a", Lab.ARGV_SCRIPT.replace("LOG", lab.dir().resolve("notify.log").toString()));
        lab.script("notify_b", Lab.ARGV_SCRIPT.replace("LOG", lab.dir().resolve("notify.log").toString()));
        lab.daemon(lab.a(), "a", a);
        lab.waitFor(() -> lab.a().hasAddress(VIP), 20, "A never MASTER", "a.log");
        lab.daemon(lab.b(), "b", b);
        lab.waitFor(() -> lab.read("b.log").contains("(VI_1) Entering BACKUP STATE"), 20, "B not BACKUP", "b.log");
        lab.waitFor(() -> lab.read("notify.log").contains("notify_b [INSTANCE] [VI_1] [BACKUP]"), 10,
                "B's notify did not run", "notify.log", "b.log");
    }

    @Test
    void aVipAddedToTheMastersInstanceAppearsWithoutAnyTransition() throws Exception {
        // B skips the VIP-list check for the master it knows (skip_check_adv_addr): otherwise it drops A's adverts
        // once they carry two addresses and takes over, as a keepalived 2.2.7 backup does too
        masterAndBackup(conf("a", 150, List.of(VIP), "", ""),
                conf("b", 100, List.of(VIP), "", "skip_check_adv_addr"));
        DaemonProcess wire = capture();
        lab.waitFor(() -> lab.read("wire.log").contains("prio 150"), 10, "tcpdump sees no advert", "wire.log");
        String notified = lab.read("notify.log");
        assertEquals(3, notified.lines().count(), notified);

        conf("a", 150, List.of(VIP, VIP2), "", "");
        hup("a");
        lab.waitFor(() -> lab.a().hasAddress(VIP2), 15, "the added VIP did not appear", "a.log");
        lab.waitFor(() -> lab.read("a.log").contains("Reload finished: 0 kept, 1 reconfigured, 0 stopped, 0 started"),
                10, "no reload summary", "a.log");
        // longer than B's Master_Down_Interval (3.6 s): a lost advert would show as a takeover
        Thread.sleep(5_000);
        wire.terminate();
        String a = lab.read("a.log");
        String b = lab.read("b.log");
        assertTrue(lab.a().hasAddress(VIP) && lab.a().hasAddress(VIP2), a);
        assertFalse(lab.b().hasAddress(VIP) || lab.b().hasAddress(VIP2), b);
        assertEquals(1, count(a, "Entering MASTER STATE"), a);
        assertFalse(a.contains("sent 0 priority"), a);
        assertFalse(b.contains("Entering MASTER STATE"), b);
        assertFalse(lab.read("wire.log").contains("prio 0,"), "priority 0 on the wire:\n" + lab.read("wire.log"));
        assertEquals(notified, lab.read("notify.log"), "a notify script ran again");
    }

    @Test
    void aFailingTrackScriptAddedByReloadHandsMastershipToThePeer() throws Exception {
        masterAndBackup(conf("a", 150, List.of(VIP), "", ""), conf("b", 100, List.of(VIP), "", ""));
        Path fail = lab.script("fail.sh", "#!/bin/sh\nexit 1\n");
        conf("a", 150, List.of(VIP), """
                vrrp_script chk {
                    script %s
                    interval 1
                    weight -60
                }""".formatted(fail), "track_script {\n        chk\n    }");
        hup("a");
        lab.waitFor(() -> lab.read("a.log").contains("(VI_1) Changing effective priority from 150 to 90"), 15,
                "the added script did not lower the priority", "a.log");
        lab.waitFor(() -> lab.b().hasAddress(VIP) && !lab.a().hasAddress(VIP), 15,
                "B did not take over", "a.log", "b.log");
        assertTrue(lab.read("b.log").contains("(VI_1) Entering MASTER STATE"), lab.read("b.log"));
        lab.waitFor(() -> lab.read("notify.log").contains("notify_a [INSTANCE] [VI_1] [BACKUP] [90]"), 10,
                "A's notify did not report BACKUP at priority 90", "notify.log", "a.log");
    }

    private static long count(String text, String what) {
        return text.lines().filter(l -> l.contains(what)).count();
    }
}
