package org.jkeepalived.watchdog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.jkeepalived.core.testing.DaemonProcess;
import org.jkeepalived.core.testing.NetworkNamespace;
import org.jkeepalived.core.testing.RouterLab;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two {@code jkeepalived -n -l -D -P} routers, each in its own network namespace, on one veth LAN
 * (192.0.2.0/24): the higher priority becomes MASTER and holds the VIP; SIGKILL of the master lets
 * the backup take over after Master_Down_Interval; SIGTERM makes the master send priority 0, remove
 * its VIP and exit 0, and the backup takes over after about Skew_Time.
 */
class VrrpDaemonIT {
    private static final String VIP = "192.0.2.100";

    @RegisterExtension
    final RouterLab lab = new RouterLab();

    @Test
    void electsFailsOverOnKillAndHandsOverOnTerm() throws Exception {
        DaemonProcess routerA = start(lab.a(), "a", 150);
        start(lab.b(), "b", 100);
        waitFor(() -> hasVip(lab.a()), 15, "A (priority 150) never became MASTER");
        waitFor(() -> log("b").contains("(VI_1) Entering BACKUP STATE"), 10, "B never entered BACKUP");
        assertFalse(hasVip(lab.b()), "the backup must not hold the VIP");
        assertTrue(log("a").contains("(VI_1) Entering MASTER STATE"), log("a"));

        routerA.kill(); // SIGKILL: no priority 0, B waits Master_Down_Interval (3.6 s)
        assertTrue(routerA.waitForExit(Duration.ofSeconds(10)).isPresent());
        waitFor(() -> hasVip(lab.b()), 10, "B did not take over after A was killed");
        lab.a().ip("addr", "flush", "dev", "eth0", "to", VIP + "/32"); // what a killed keepalived leaves behind

        routerA = start(lab.a(), "a2", 150);
        waitFor(() -> hasVip(lab.a()) && !hasVip(lab.b()), 15, "A did not preempt B after its restart");

        long stoppedAt = System.nanoTime();
        routerA.terminate(); // SIGTERM
        waitFor(() -> hasVip(lab.b()), 5, "B did not take over after A's priority 0");
        double takeover = (System.nanoTime() - stoppedAt) / 1e9;
        // Skew_Time for priority 100 is 0.61 s; the JVM's signal handling and a busy CI machine add some
        assertTrue(takeover < 3.0, "takeover took " + takeover + " s, more than Master_Down_Interval");
        Optional<Integer> exit = routerA.waitForExit(Duration.ofSeconds(10));
        assertTrue(exit.isPresent(), "A did not exit after SIGTERM");
        assertEquals(0, exit.get(), log("a2"));
        assertFalse(hasVip(lab.a()), "A must remove its VIP on stop");
        assertTrue(log("a2").contains("(VI_1) sent 0 priority"), log("a2"));
        assertTrue(log("b").contains("(VI_1) Backup received priority 0 advertisement"), log("b"));
        assertFalse(Files.exists(lab.dir().resolve("a2.pid")), "pid file left behind");
        assertFalse(Files.exists(lab.dir().resolve("a2_vrrp.pid")), "vrrp pid file left behind");
    }

    private DaemonProcess start(NetworkNamespace ns, String name, int priority) {
        Path conf = lab.write(name + ".conf", """
                vrrp_instance VI_1 {
                    interface eth0
                    virtual_router_id 51
                    priority %d
                    advert_int 1
                    virtual_ipaddress {
                        %s/24
                    }
                }
                """.formatted(priority, VIP));
        return lab.daemon(ns, name, conf);
    }

    private String log(String name) {
        return lab.read(name + ".log");
    }

    private static boolean hasVip(NetworkNamespace ns) {
        return ns.hasAddress(VIP);
    }

    private void waitFor(BooleanSupplier condition, long seconds, String message) {
        lab.waitFor(condition, seconds, message, "a.log", "a2.log", "b.log");
    }
}
