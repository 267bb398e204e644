package org.jkeepalived.watchdog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.jkeepalived.core.testing.Command;
import org.jkeepalived.core.testing.NetworkNamespace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two {@code jkeepalived -n -l -D -P} routers, each in its own network namespace, on one veth LAN
 * (192.0.2.0/24): the higher priority becomes MASTER and holds the VIP; SIGKILL of the master lets
 * the backup take over after Master_Down_Interval; SIGTERM makes the master send priority 0, remove
 * its VIP and exit 0, and the backup takes over after about Skew_Time.
 */
class VrrpDaemonIT {
    private static final Path LAUNCHER = Path.of("..", "bin", "jkeepalived").toAbsolutePath().normalize();
    private static final String VIP = "192.0.2.100";

    @TempDir
    Path dir;
    private NetworkNamespace a;
    private NetworkNamespace b;
    private Process routerA;
    private Process routerB;

    @BeforeEach
    void lan() {
        assumeTrue(Command.isRoot(), "needs root for network namespaces");
        a = NetworkNamespace.create();
        b = NetworkNamespace.create();
        // created straight inside the two namespaces: the root namespace never sees them
        Command.check("ip", "link", "add", "eth0", "netns", a.name(), "type", "veth", "peer", "name", "eth0",
                "netns", b.name());
        a.ip("addr", "add", "192.0.2.1/24", "dev", "eth0");
        b.ip("addr", "add", "192.0.2.2/24", "dev", "eth0");
        a.ip("link", "set", "eth0", "up");
        b.ip("link", "set", "eth0", "up");
    }

    @AfterEach
    void teardown() {
        for (Process p : new Process[] {routerA, routerB}) {
            if (p != null && p.isAlive()) {
                p.destroyForcibly();
            }
        }
        if (a != null) {
            a.close();
        }
        if (b != null) {
            b.close();
        }
    }

    @Test
    void electsFailsOverOnKillAndHandsOverOnTerm() throws Exception {
        routerA = start(a, "a", 150);
        routerB = start(b, "b", 100);
        waitFor(() -> hasVip(a), 15, "A (priority 150) never became MASTER");
        waitFor(() -> log("b").contains("(VI_1) Entering BACKUP STATE"), 10, "B never entered BACKUP");
        assertFalse(hasVip(b), "the backup must not hold the VIP");
        assertTrue(log("a").contains("(VI_1) Entering MASTER STATE"), log("a"));

        routerA.destroyForcibly(); // SIGKILL: no priority 0, B waits Master_Down_Interval (3.6 s)
        assertTrue(routerA.waitFor(10, TimeUnit.SECONDS));
        waitFor(() -> hasVip(b), 10, "B did not take over after A was killed");
        a.ip("addr", "flush", "dev", "eth0", "to", VIP + "/32"); // what a killed keepalived leaves behind

        routerA = start(a, "a2", 150);
        waitFor(() -> hasVip(a) && !hasVip(b), 15, "A did not preempt B after its restart");

        long stoppedAt = System.nanoTime();
        routerA.destroy(); // SIGTERM
        waitFor(() -> hasVip(b), 5, "B did not take over after A's priority 0");
        double takeover = (System.nanoTime() - stoppedAt) / 1e9;
        // Skew_Time for priority 100 is 0.61 s; the JVM's signal handling and a busy CI machine add some
        assertTrue(takeover < 3.0, "takeover took " + takeover + " s, more than Master_Down_Interval");
        assertTrue(routerA.waitFor(10, TimeUnit.SECONDS), "A did not exit after SIGTERM");
        assertEquals(0, routerA.exitValue(), log("a2"));
        assertFalse(hasVip(a), "A must remove its VIP on stop");
        assertTrue(log("a2").contains("(VI_1) sent 0 priority"), log("a2"));
        assertTrue(log("b").contains("(VI_1) Backup received priority 0 advertisement"), log("b"));
        assertFalse(Files.exists(dir.resolve("a2.pid")), "pid file left behind");
        assertFalse(Files.exists(dir.resolve("a2_vrrp.pid")), "vrrp pid file left behind");
    }

    private Process start(NetworkNamespace ns, String name, int priority) throws IOException {
        Path conf = dir.resolve(name + ".conf");
        Files.writeString(conf, """
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
        return new ProcessBuilder(List.of("ip", "netns", "exec", ns.name(), LAUNCHER.toString(), "-n", "-l", "-D",
                "-P", "-f", conf.toString(), "-p", dir.resolve(name + ".pid").toString(), "-r",
                dir.resolve(name + "_vrrp.pid").toString()))
                .redirectErrorStream(true).redirectOutput(dir.resolve(name + ".log").toFile()).start();
    }

    private String log(String name) {
        try {
            return Files.readString(dir.resolve(name + ".log"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static boolean hasVip(NetworkNamespace ns) {
        return ns.exec(10, "ip", "-4", "-o", "addr", "show", "dev", "eth0").stdout().contains(" " + VIP + "/");
    }

    private void waitFor(BooleanSupplier condition, long seconds, String message) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(message + "\n--- a\n" + log("a") + log("a2") + "\n--- b\n" + log("b"));
            }
            Thread.sleep(50);
        }
    }
}
