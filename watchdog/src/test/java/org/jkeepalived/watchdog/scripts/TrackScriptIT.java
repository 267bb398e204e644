package org.jkeepalived.watchdog.scripts;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.jkeepalived.core.testing.Command;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Tracked scripts under real jkeepalived routers: a failing script on the master hands the VIP to the peer and
 * its recovery takes it back; a script past its timeout is killed, with what it started, and counts as a
 * failure.
 */
class TrackScriptIT {
    private static final String VIP = "192.0.2.100";
    @RegisterExtension
    final Lab lab = new Lab();

    private Path conf(String name, int priority, String scriptBlock, String track) {
        return lab.routerConf(name, "", scriptBlock, priority, List.of(VIP), track);
    }

    @Test
    void failingScriptMovesMastershipToThePeerAndBack() throws Exception {
        Path state = lab.write("chk.state", "0\n");
        Path chk = lab.script("chk.sh", "#!/bin/sh\nexit $(cat " + state + ")\n");
        lab.daemon(lab.a(), "a", conf("a", 150, """
                vrrp_script chk {
                    script %s
                    interval 1
                    fall 2
                    rise 2
                }""".formatted(chk), "track_script {\n        chk\n    }"));
        lab.daemon(lab.b(), "b", conf("b", 100, "", ""));
        lab.waitFor(() -> lab.a().hasAddress(VIP), 20, "A never MASTER", "a.log", "b.log");
        lab.waitFor(() -> lab.read("b.log").contains("(VI_1) Entering BACKUP STATE"), 10, "B not BACKUP", "b.log");

        lab.write("chk.state", "1\n");
        lab.waitFor(() -> lab.b().hasAddress(VIP) && !lab.a().hasAddress(VIP), 15,
                "the failing script did not move the VIP to B", "a.log", "b.log");
        assertTrue(lab.read("a.log").contains("VRRP_Script(chk) failed (exited with status 1)"), lab.read("a.log"));
        assertTrue(lab.read("a.log").contains("(VI_1) Entering FAULT STATE"), lab.read("a.log"));

        lab.write("chk.state", "0\n");
        lab.waitFor(() -> lab.a().hasAddress(VIP) && !lab.b().hasAddress(VIP), 20,
                "the recovered script did not bring the VIP back to A", "a.log", "b.log");
        assertTrue(lab.read("a.log").contains("VRRP_Script(chk) succeeded"), lab.read("a.log"));
    }

    @Test
    void scriptPastItsTimeoutIsKilledAndCountsAsFailure() throws Exception {
        // a shell that forks its sleep: the whole tree must go, not just the shell
        Path slow = lab.script("slow.sh", "#!/bin/sh\nsleep 987.25\nexit 0\n");
        lab.daemon(lab.a(), "a", conf("a", 100, """
                vrrp_script slow {
                    script %s
                    interval 3
                    timeout 1
                    weight -10
                }""".formatted(slow), "track_script {\n        slow\n    }"));
        lab.waitFor(() -> lab.read("a.log").contains("VRRP_Script(slow) timed_out"), 15, "no timeout", "a.log");
        lab.waitFor(() -> lab.read("a.log").contains("(VI_1) Changing effective priority from 100 to 90"), 5,
                "the timeout did not count as a failure", "a.log");
        Thread.sleep(300);
        assertFalse(Command.run("ps", "-eo", "args").stdout().contains("sleep 987.25"),
                "the script's child survived its timeout");
    }
}
