package org.jkeepalived.watchdog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jkeepalived.core.testing.Command;
import org.jkeepalived.core.testing.Daemon;
import org.jkeepalived.core.testing.DaemonProcess;
import org.jkeepalived.core.testing.NetworkNamespace;
import org.jkeepalived.core.testing.RouterLab;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The daemon's process structure with real processes: a parent JVM and its VRRP child on two routers
 * (namespaces a and b on one veth LAN, 192.0.2.0/24). Covers the respawn of a killed child, children
 * ending with a killed parent, reload on SIGHUP (a good and a broken configuration), and the daemon mode's
 * graceful stop on SIGTERM.
 */
class DaemonProcessIT {
    private static final String VIP1 = "192.0.2.100";
    private static final String VIP2 = "192.0.2.101";
    private static final String VIP3 = "192.0.2.102";

    @RegisterExtension
    final RouterLab lab = new RouterLab();

    /** Daemon mode's processes are nobody's children: they are found through their pid files. */
    @AfterEach
    void killDaemons() {
        if (lab.dir() == null) {
            return; // skipped
        }
        for (String name : List.of("a", "b")) {
            for (String file : List.of(name + "_vrrp.pid", name + ".pid")) {
                long pid = pidIn(file);
                if (pid > 0) {
                    ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
                }
            }
        }
    }

    @Test
    void killedVrrpChildIsRespawnedAndOwnershipSettlesWithoutASecondMaster() throws Exception {
        writeConf("a", 150, vrrp("VI_1", 51, 150, VIP1));
        writeConf("b", 100, vrrp("VI_1", 51, 100, VIP1));
        startForeground("a");
        startForeground("b");
        waitFor(() -> hasVip(lab.a(), VIP1) && log("b").contains("(VI_1) Entering BACKUP STATE"), 20,
                "A never became MASTER");
        long child = pidIn("a_vrrp.pid");
        Command.check("kill", "-9", Long.toString(child));
        waitFor(() -> pidIn("a_vrrp.pid") > 0 && pidIn("a_vrrp.pid") != child, 15, "the VRRP child was not respawned");
        assertTrue(log("a").contains("VRRP child process(" + child + ") died (status 137): Respawning"), log("a"));
        // the killed child left its VIP behind; B takes over after Master_Down_Interval and the new child,
        // starting in BACKUP (removing stale VIPs), preempts: at no moment may both hold the VIP
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        boolean settled = false;
        while (System.nanoTime() < deadline) {
            boolean onA = hasVip(lab.a(), VIP1);
            boolean onB = hasVip(lab.b(), VIP1);
            assertFalse(onA && onB && bothMaster(), "two masters at once\n" + log("a") + "\n---\n" + log("b"));
            if (onA && !onB && log("a").lastIndexOf("(VI_1) Entering MASTER STATE")
                    > log("a").indexOf("Starting VRRP child process, pid=" + pidIn("a_vrrp.pid"))) {
                settled = true;
                break;
            }
            Thread.sleep(50);
        }
        assertTrue(settled, "A did not own the VIP again\n" + log("a") + "\n---\n" + log("b"));
    }

    @Test
    void reloadAddsAVipWithoutAnyOtherTransitionAndABrokenConfigIsRefused() throws Exception {
        writeConf("a", 150, vrrp("VI_1", 51, 150, VIP1) + vrrp("VI_2", 52, 150, VIP2));
        writeConf("b", 100, vrrp("VI_1", 51, 100, VIP1) + vrrp("VI_2", 52, 100, VIP2));
        DaemonProcess parentA = startForeground("a");
        startForeground("b");
        waitFor(() -> hasVip(lab.a(), VIP1) && hasVip(lab.a(), VIP2) && !hasVip(lab.b(), VIP1) && !hasVip(lab.b(), VIP2), 20,
                "A never became MASTER of both");
        Thread.sleep(1500); // let B's yield be logged
        long child = pidIn("a_vrrp.pid");
        int aVi1 = count("a", "(VI_1) Entering");
        int bVi1 = count("b", "(VI_1) Entering");
        int aVi2 = count("a", "(VI_2) Entering");
        writeConf("a", 150, vrrp("VI_1", 51, 150, VIP1) + vrrp("VI_2", 52, 150, VIP2 + "/24\n        " + VIP3));
        parentA.signal("HUP");
        waitFor(() -> hasVip(lab.a(), VIP3), 15, "the added VIP never came");
        waitFor(() -> log("a").contains("Reload finished: 1 kept, 1 reconfigured, 0 stopped, 0 started"), 5,
                "no reload summary");
        assertEquals(aVi2, count("a", "(VI_2) Entering"), "VI_2 is reconfigured in place\n" + log("a"));
        assertEquals(aVi1, count("a", "(VI_1) Entering"), "VI_1 changed state on A\n" + log("a"));
        assertEquals(bVi1, count("b", "(VI_1) Entering"), "VI_1 changed state on B\n" + log("b"));
        assertTrue(hasVip(lab.a(), VIP1) && !hasVip(lab.b(), VIP1), "VI_1's VIP moved");
        assertEquals(child, pidIn("a_vrrp.pid"), "a reload keeps the child process");

        Files.writeString(lab.dir().resolve("a.conf"), Files.readString(lab.dir().resolve("a.conf"))
                .replace("virtual_router_id 52", "virtual_router_id 300"));
        parentA.signal("HUP");
        waitFor(() -> log("a").contains("Reload aborted"), 10, "the broken config was not reported");
        assertTrue(Pattern.compile(Pattern.quote(lab.dir().resolve("a.conf").toString()) + ":\\d+: error: ")
                .matcher(log("a")).find(), log("a"));
        Thread.sleep(1500);
        assertTrue(parentA.isAlive(), "the parent stopped on a broken config");
        assertEquals(child, pidIn("a_vrrp.pid"));
        assertTrue(hasVip(lab.a(), VIP1) && hasVip(lab.a(), VIP2) && hasVip(lab.a(), VIP3), "the running config was not kept");
    }

    @Test
    void hupReloadsAlsoWhenStartedWithHupIgnored() throws Exception {
        // nohup (or a supervisor) hands the daemon SIGHUP ignored; HotSpot would keep it ignored, keepalived does not
        writeConf("a", 150, vrrp("VI_1", 51, 150, VIP1));
        List<String> command = new ArrayList<>(List.of("nohup"));
        command.addAll(Daemon.JKEEPALIVED.command(List.of("-n", "-l", "-D", "-P",
                "-f", lab.dir().resolve("a.conf").toString(), "-p", lab.dir().resolve("a.pid").toString(),
                "-r", lab.dir().resolve("a_vrrp.pid").toString())));
        lab.start(lab.a(), "a", command);
        waitFor(() -> hasVip(lab.a(), VIP1), 20, "A never became MASTER");
        writeConf("a", 150, vrrp("VI_1", 51, 150, VIP1 + "/24\n        " + VIP2));
        Command.check("kill", "-HUP", Long.toString(pidIn("a.pid")));
        waitFor(() -> hasVip(lab.a(), VIP2), 15, "SIGHUP did not reload a daemon started under nohup");
    }

    @Test
    void killedParentTakesItsChildrenWithIt() throws Exception {
        writeConf("a", 150, vrrp("VI_1", 51, 150, VIP1));
        DaemonProcess parent = startForeground("a");
        waitFor(() -> hasVip(lab.a(), VIP1), 20, "A never became MASTER");
        long child = pidIn("a_vrrp.pid");
        parent.kill();
        assertTrue(parent.waitForExit(Duration.ofSeconds(10)).isPresent());
        waitFor(() -> ProcessHandle.of(child).map(h -> !h.isAlive()).orElse(true), 15,
                "the VRRP child outlived its parent");
        assertFalse(hasVip(lab.a(), VIP1), "the orphaned child stops gracefully and removes its VIP");
        assertTrue(log("a").contains("The parent process is gone: stopping"), log("a"));
    }

    @Test
    void daemonModeStopsOnTermWithChildrenVipsAndPidFilesGone() throws Exception {
        writeConf("a", 150, vrrp("VI_1", 51, 150, VIP1));
        DaemonProcess foreground = start("a", false);
        Optional<Integer> exit = foreground.waitForExit(Duration.ofSeconds(30));
        assertTrue(exit.isPresent(), "the foreground process did not exit");
        assertEquals(0, exit.get());
        long parent = pidIn("a.pid");
        assertTrue(parent > 0 && ProcessHandle.of(parent).isPresent(), "no live daemon in the pid file");
        assertNotEquals(foreground.pid(), parent, "the daemon is a new process");
        waitFor(() -> hasVip(lab.a(), VIP1), 20, "the daemon never became MASTER");
        long child = pidIn("a_vrrp.pid");
        DaemonProcess again = start("a2", false, "a");
        assertTrue(again.waitForExit(Duration.ofSeconds(30)).isPresent());
        assertEquals(parent, pidIn("a.pid"), "a second daemon must see the first one running");
        Command.check("kill", "-TERM", Long.toString(parent));
        waitFor(() -> ProcessHandle.of(parent).isEmpty() && ProcessHandle.of(child).isEmpty(), 15,
                "the daemon or its child did not exit on SIGTERM");
        assertFalse(hasVip(lab.a(), VIP1), "VIP left behind");
        assertFalse(Files.exists(lab.dir().resolve("a.pid")), "pid file left behind");
        assertFalse(Files.exists(lab.dir().resolve("a_vrrp.pid")), "vrrp pid file left behind");
    }

    private static String vrrp(String name, int vrid, int priority, String vips) {
        return """
                vrrp_instance %s {
                    interface eth0
                    virtual_router_id %d
                    priority %d
                    advert_int 1
                    virtual_ipaddress {
                        %s/24
                    }
                }
                """.formatted(name, vrid, priority, vips);
    }

    private void writeConf(String name, int priority, String body) {
        lab.write(name + ".conf", "global_defs {\n    router_id r" + priority + "\n}\n" + body);
    }

    private DaemonProcess startForeground(String name) {
        return start(name, true);
    }

    private DaemonProcess start(String name, boolean foreground) {
        return start(name, foreground, name);
    }

    /** Starts router {@code files}'s configuration in its namespace, logging to {@code log}.log. */
    private DaemonProcess start(String log, boolean foreground, String files) {
        List<String> options = new ArrayList<>(List.of("-l", "-D", "-f", lab.dir().resolve(files + ".conf").toString(),
                "-p", lab.dir().resolve(files + ".pid").toString(), "-r", lab.dir().resolve(files + "_vrrp.pid").toString(),
                "-c", lab.dir().resolve(files + "_checkers.pid").toString()));
        if (foreground) {
            options.add(0, "-n");
        }
        return lab.start(files.equals("b") ? lab.b() : lab.a(), log, Daemon.JKEEPALIVED.command(options));
    }

    private long pidIn(String file) {
        try {
            return Long.parseLong(Files.readString(lab.dir().resolve(file)).trim());
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    private String log(String name) {
        return lab.read(name + ".log");
    }

    private int count(String name, String text) {
        Matcher m = Pattern.compile(Pattern.quote(text)).matcher(log(name));
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    /** Whether the latest state line of both routers' VI_1 is MASTER. */
    private boolean bothMaster() {
        return lastState("a").equals("MASTER") && lastState("b").equals("MASTER");
    }

    private String lastState(String name) {
        Matcher m = Pattern.compile("\\(VI_1\\) Entering (\\w+) STATE").matcher(log(name));
        String last = "";
        while (m.find()) {
            last = m.group(1);
        }
        return last;
    }

    private static boolean hasVip(NetworkNamespace ns, String vip) {
        return ns.hasAddress(vip);
    }

    private void waitFor(BooleanSupplier condition, long seconds, String message) {
        lab.waitFor(condition, seconds, message, "a.log", "b.log");
    }
}
