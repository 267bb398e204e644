package org.jkeepalived.watchdog.checkers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jkeepalived.core.testing.JvmProcess;
import org.jkeepalived.ipvs.vm.IpvsVm;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The health-checker daemon end to end against a real kernel IPVS: boots the IPVS VM (test-tools/ipvs-vm, Debian's
 * kernel under qemu TCG; the build machines' kernels have no IPVS) and runs {@link CheckerVmScenario} in it, which
 * starts {@code bin/jkeepalived -n -l -D -C} (parent and checker child JVMs) against busybox httpd real servers in a
 * namespace, then stops and starts servers, reloads, empties a pool and stops the daemon (with and without -I). The
 * results come back through the shared folder and are checked here: the table as {@code ipvsadm -Sn} and as our own
 * generic-netlink dump must both be exactly what the configuration and the servers' health say. Skipped without
 * qemu, the kernel package, busybox, ipvsadm or the built distribution ({@code watchdog/target/lib}). Last, keepalived
 * 2.2.7 runs the same configuration in the same VM and must program the same tables. One VM boot, about 2 minutes
 * (the two daemon starts take ~35 s each under TCG).
 */
class CheckerVmIT {
    /** delay_loop 1 + retry 1 × delay_before_retry 1 + connect_timeout 1 (the configuration's check timing). */
    private static final long DETECT_BOUND_MS = 3_000;
    /** What TCG emulation and the JVMs' scheduling may add on a busy host. */
    private static final long SLACK_MS = 2_000;

    private static final List<String> STARTED = List.of(
            "-A -f 7 -s sh -p 600",
            "-A -t 203.0.113.10:80 -s wrr",
            "-A -t 203.0.113.11:9000 -s lc",
            "-A -t 203.0.113.12:80 -s rr",
            "-a -f 7 -r 198.51.100.5:0 -i -w 4 --tun-type ipip",
            "-a -t 203.0.113.10:80 -r 198.51.100.1:80 -m -w 3",
            "-a -t 203.0.113.10:80 -r 198.51.100.2:80 -m -w 2",
            "-a -t 203.0.113.11:9000 -r 198.51.100.3:9000 -g -w 5",
            "-a -t 203.0.113.12:80 -r 198.51.100.4:80 -m -w 1");

    private static Path shared;

    @BeforeAll
    static void runTheScenarioInTheVm() throws Exception {
        IpvsVm vm = IpvsVm.require();
        assumeTrue(Files.isDirectory(vm.root().resolve("watchdog/target/lib")),
                "no watchdog/target/lib: bin/jkeepalived needs the packaged distribution (mvn package)");
        Path launcher = vm.root().resolve("bin/jkeepalived");
        shared = IpvsVm.emptyFolder(Path.of("target", "checker-vm-it", "scenario").toAbsolutePath());
        // C1 only and the serial collector: quick to start under TCG, and no C2 code for TCG to mis-emulate
        String command = IpvsVm.javaCommand("-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xmx128m",
                CheckerVmScenario.class.getName(), launcher.toString(), JvmProcess.java());
        Path log = shared.resolveSibling("vm.log");
        int exit = vm.run(command, shared, log, 480);
        if (exit != 0) {
            throw new AssertionError("VM run failed (" + exit + "):\n" + read(log)
                    + "\n--- daemon log tail:\n" + tail(shared.resolve("daemon.log")));
        }
    }

    @Test
    void servicesSchedulersForwardingWeightsAndThresholdsAreWhatTheConfigurationSays() throws IOException {
        assertTable("started", STARTED);
        assertTrue(Pattern.compile("198\\.51\\.100\\.1:80\\s+100\\s+10\\s").matcher(step("started")).find(),
                "uthreshold 100, lthreshold 10:\n" + step("started"));
    }

    @Test
    void aDeadServerIsRemovedOrInhibitedInTimeAndComesBack() throws IOException {
        List<String> down = new ArrayList<>(STARTED);
        down.remove("-a -t 203.0.113.10:80 -r 198.51.100.2:80 -m -w 2");
        down.set(down.indexOf("-a -t 203.0.113.11:9000 -r 198.51.100.3:9000 -g -w 5"),
                "-a -t 203.0.113.11:9000 -r 198.51.100.3:9000 -g -w 0");
        assertTable("down", down);
        assertTable("back", STARTED);
        assertTrue(timing("rs2-removed-ms") <= DETECT_BOUND_MS + SLACK_MS, timings());
        assertTrue(timing("rs3-inhibited-ms") <= DETECT_BOUND_MS + SLACK_MS, timings());
        // a server that is down is probed every delay_loop and comes back on its first success
        assertTrue(timing("rs2-back-ms") <= 1_000 + 1_000 + SLACK_MS, timings());
        assertTrue(timing("rs3-back-ms") <= 1_000 + 1_000 + SLACK_MS, timings());
    }

    @Test
    void aReloadAppliesOnlyTheDeltaAndUnchangedServicesKeepTheirCounters() throws IOException {
        assertTable("before-reload", STARTED);
        assertTable("reloaded", reloaded());
        String log = read(shared.resolve("reload-log.txt"));
        List<String> ipvs = log.lines().filter(l -> l.contains(": IPVS: "))
                .map(l -> l.substring(l.indexOf("IPVS: "))).toList();
        assertEquals(List.of("IPVS: edit destination 198.51.100.1:80 weight 4 of TCP 203.0.113.10:80",
                "IPVS: add destination 198.51.100.6:80 weight 1 to TCP 203.0.113.10:80"), ipvs, log);
        assertTrue(log.contains("Activating healthchecker for service [198.51.100.6]:tcp:80 for VS [203.0.113.10]:tcp:80"),
                log);
        assertTrue(read(shared.resolve("traffic.txt")).lines().filter(l -> l.startsWith("203.0.113.10:80"))
                .allMatch(l -> l.endsWith("HTTP/1.1 200")), read(shared.resolve("traffic.txt")));
        String before = step("before-reload");
        String after = step("reloaded");
        for (String row : List.of("TCP  203\\.0\\.113\\.10:80", "TCP  203\\.0\\.113\\.11:9000",
                "  -> 198\\.51\\.100\\.1:80", "  -> 198\\.51\\.100\\.3:9000")) {
            long conns = conns(before, row);
            assertTrue(conns > 0, "traffic was counted for " + row + ":\n" + before);
            assertEquals(conns, conns(after, row), () -> row + " kept its counters:\n" + before + "\n" + after);
        }
    }

    @Test
    void theSorryServerTakesOverWhenEveryRealServerIsDown() throws IOException {
        List<String> sorry = new ArrayList<>(reloaded());
        sorry.set(sorry.indexOf("-a -t 203.0.113.12:80 -r 198.51.100.4:80 -m -w 1"),
                "-a -t 203.0.113.12:80 -r 198.51.100.9:80 -m -w 1");
        assertTable("sorry", sorry);
        assertTrue(timing("sorry-ms") <= DETECT_BOUND_MS + SLACK_MS, timings());
        assertTable("unsorry", reloaded());
    }

    @Test
    void termRemovesOurRulesOnlyAndDashIKeepsThem() throws IOException {
        assertTable("stopped", List.of("-A -t 203.0.113.99:25 -s rr"));
        List<String> kept = new ArrayList<>(reloaded());
        kept.add("-A -t 203.0.113.99:25 -s rr");
        assertTable("kept", kept);
        assertEquals("0", read(shared.resolve("daemon.log.exit")).trim());
        assertEquals("0", read(shared.resolve("daemon-keep.log.exit")).trim());
        String log = read(shared.resolve("daemon.log"));
        assertTrue(log.contains("Shutting down service [198.51.100.1]:tcp:80 from VS [203.0.113.10]:tcp:80"), log);
        assertTrue(!read(shared.resolve("daemon-keep.log")).contains("Shutting down service"), "-I keeps the rules");
    }

    @Test
    void metricsAndTheDataFileComeFromTheRunningChecker() throws IOException {
        String metrics = read(shared.resolve("metrics.txt"));
        for (String line : List.of(
                "jkeepalived_real_server_up{virtual_server=\"TCP 203.0.113.10:80\",real_server=\"198.51.100.6:80\"} 1",
                "jkeepalived_real_server_up{virtual_server=\"FWM 7\",real_server=\"198.51.100.5\"} 1",
                "jkeepalived_real_server_consecutive_failures{virtual_server=\"TCP 203.0.113.12:80\","
                        + "real_server=\"198.51.100.4:80\"} 0",
                "jkeepalived_virtual_server_connections_total{virtual_server=\"TCP 203.0.113.10:80\"} 6",
                "jkeepalived_virtual_server_connections_total{virtual_server=\"TCP 203.0.113.11:9000\"} 4")) {
            assertTrue(metrics.contains(line + "\n"), () -> "missing " + line + " in\n" + metrics);
        }
        assertTrue(Pattern.compile("jkeepalived_real_server_check_latency_seconds\\{virtual_server=\"TCP 203.0.113.10:80\","
                + "real_server=\"198.51.100.1:80\"} 0\\.\\d+\n").matcher(metrics).find(), metrics);
        String data = read(shared.resolve("keepalived_check.data"));
        for (String line : List.of("------< LVS Topology >------", " VS VIP = 203.0.113.10, VPORT = 80",
                "   RIP = 198.51.100.1, RPORT = 80, WEIGHT = 4 EFF WEIGHT = 4", "   Inhibit on failure is ON",
                "------< Health checkers >------", " [203.0.113.10]:tcp:80 -> [198.51.100.6]:tcp:80",
                "   Keepalive method = HTTP_GET", "   Keepalive method = TCP_CHECK")) {
            assertTrue(data.contains(line + "\n"), () -> "missing '" + line + "' in\n" + data);
        }
    }

    @Test
    void keepalivedProgramsTheSameTableFromTheSameConfiguration() throws IOException {
        assumeTrue(!Files.exists(shared.resolve("keepalived-absent.txt")), "keepalived is not installed");
        assertTrue(!Files.exists(shared.resolve("keepalived-failed.txt")),
                () -> "keepalived's run failed: " + readQuietly(shared.resolve("keepalived-failed.txt")));
        assertTable("keepalived-started", reloaded());
        List<String> down = new ArrayList<>(reloaded());
        down.remove("-a -t 203.0.113.10:80 -r 198.51.100.2:80 -m -w 2");
        down.set(down.indexOf("-a -t 203.0.113.11:9000 -r 198.51.100.3:9000 -g -w 5"),
                "-a -t 203.0.113.11:9000 -r 198.51.100.3:9000 -g -w 0");
        down.set(down.indexOf("-a -t 203.0.113.12:80 -r 198.51.100.4:80 -m -w 1"),
                "-a -t 203.0.113.12:80 -r 198.51.100.9:80 -m -w 1");
        assertTable("keepalived-down", down);
        assertTable("keepalived-stopped", List.of());
    }

    private static List<String> reloaded() {
        List<String> r = new ArrayList<>(STARTED);
        r.set(r.indexOf("-a -t 203.0.113.10:80 -r 198.51.100.1:80 -m -w 3"),
                "-a -t 203.0.113.10:80 -r 198.51.100.1:80 -m -w 4");
        r.add("-a -t 203.0.113.10:80 -r 198.51.100.6:80 -m -w 1");
        return r;
    }

    /** ipvsadm -Sn and our own dump of STEP both hold exactly {@code expected}. */
    private static void assertTable(String step, List<String> expected) throws IOException {
        String text = step(step);
        String want = String.join("\n", new TreeSet<>(expected));
        assertEquals(want, sorted(section(text, "=== ipvsadm -Sn\n")), "ipvsadm -Sn at " + step + ":\n" + text);
        assertEquals(want, sorted(section(text, "=== own dump\n")), "own dump at " + step + ":\n" + text);
    }

    private static String step(String name) throws IOException {
        return read(shared.resolve(name + ".txt"));
    }

    private static String section(String text, String header) {
        int a = text.indexOf(header);
        assertTrue(a >= 0, () -> "no " + header + " in\n" + text);
        int b = text.indexOf("\n=== ", a + header.length() - 1);
        return text.substring(a + header.length(), b < 0 ? text.length() : b + 1);
    }

    private static String sorted(String lines) {
        return lines.lines().filter(l -> !l.isBlank()).collect(Collectors.toCollection(TreeSet::new)).stream()
                .collect(Collectors.joining("\n"));
    }

    private static long conns(String stats, String row) {
        Matcher m = Pattern.compile(row + "\\s+(\\d+)\\s").matcher(stats);
        assertTrue(m.find(), () -> "no " + row + " in\n" + stats);
        return Long.parseLong(m.group(1));
    }

    private static String timings() throws IOException {
        return read(shared.resolve("timings.txt"));
    }

    private static long timing(String name) throws IOException {
        Matcher m = Pattern.compile("(?m)^" + name + " (\\d+)$").matcher(timings());
        assertTrue(m.find(), () -> "no " + name + " in timings");
        return Long.parseLong(m.group(1));
    }

    private static String read(Path p) throws IOException {
        return Files.exists(p) ? Files.readString(p, StandardCharsets.UTF_8) : "(no " + p.getFileName() + ")";
    }

    private static String readQuietly(Path p) {
        try {
            return read(p);
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static String tail(Path p) throws IOException {
        List<String> lines = read(p).lines().filter(l -> !l.contains("ProbeResult")).toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }
}
