package org.jkeepalived.ipvs.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Programs a real kernel IPVS through {@code GenlIpvsTable} inside the test VM (test-tools/ipvs-vm: Debian's
 * kernel under qemu TCG, since the build machines' kernels have no IPVS) and checks the result with
 * {@code ipvsadm} run in the same VM. Skipped when qemu, the kernel package, busybox or ipvsadm is missing
 * (bin/install-test-deps installs them). One VM boot for the scenario (~40 s), one for the benchmark (~60 s; both
 * take longer on a busy host).
 */
class IpvsVmIT {
    private static IpvsVm vm;
    private static Path work;

    @BeforeAll
    static void needsTheVm() throws IOException {
        vm = IpvsVm.require();
        work = Files.createDirectories(Path.of("target", "ipvs-vm-it").toAbsolutePath());
    }

    /** Runs {@code mainClass} in a fresh VM with this JVM's class path; returns the shared folder. */
    private static Path inVm(String name, String mainClass, String... args) throws Exception {
        Path shared = IpvsVm.emptyFolder(work.resolve(name));
        String command = IpvsVm.javaCommand("-XX:+UseSerialGC -Xmx256m", mainClass, args);
        Path logFile = shared.resolveSibling(name + ".log");
        int exit = vm.run(command, shared, logFile, 400);
        String log = Files.readString(logFile);
        assertEquals(0, exit, () -> "VM run failed:\n" + log);
        return shared;
    }

    private static String read(Path shared, String step) throws IOException {
        return Files.readString(shared.resolve(step + ".txt"), StandardCharsets.UTF_8);
    }

    @Test
    void programsServicesDestinationsAndReconcilesOnlyTheDelta() throws Exception {
        Path s = inVm("scenario", IpvsVmScenario.class.getName());

        assertTrue(read(s, "info").startsWith("1.2.1 4096"), read(s, "info"));

        String added = read(s, "added");
        for (String line : List.of(
                "-A -t 192.0.2.1:80 -s wrr",
                "-a -t 192.0.2.1:80 -r 198.51.100.1:8080 -m -w 3",
                "-a -t 192.0.2.1:80 -r 198.51.100.2:80 -g -w 2",
                "-a -t 192.0.2.1:80 -r 198.51.100.3:80 -i -w 0 --tun-type ipip",
                "-A -u [2001:db8::1]:53 -s sh -o -b sh-port",
                "-a -u [2001:db8::1]:53 -r [2001:db8::2]:53 -m -w 1",
                "-A -f 7 -s rr -p 600 -M 255.255.255.0",
                "-a -f 7 -r 198.51.100.4:0 -g -w 5",
                "DUPLICATE errno 17")) {
            assertTrue(added.contains(line + "\n"), () -> "missing '" + line + "' in\n" + added);
        }
        assertTrue(Pattern.compile("198\\.51\\.100\\.1:8080\\s+100\\s+10\\s").matcher(added).find(), added);
        assertEquals(3 + 5, count(added, "\nDUMP "), "our dump: 3 services, 5 destinations\n" + added);

        String edited = read(s, "edited");
        assertTrue(edited.contains("-A -t 192.0.2.1:80 -s lc -p 300\n"), edited);
        assertTrue(edited.contains("-a -t 192.0.2.1:80 -r 198.51.100.1:8080 -m -w 7\n"), edited);
        assertTrue(Pattern.compile("198\\.51\\.100\\.1:8080\\s+50\\s+5\\s").matcher(edited).find(), edited);

        String deleted = read(s, "deleted");
        assertFalse(deleted.contains("198.51.100.2:80"), deleted);
        assertFalse(deleted.contains("2001:db8::1"), deleted);
        assertTrue(deleted.contains("-a -t 192.0.2.1:80 -r 198.51.100.3:80 -i -w 0"), deleted);

        String schedulers = read(s, "schedulers");
        for (String sched : IpvsVmScenario.SCHEDULERS) {
            assertTrue(schedulers.contains("OK " + sched + "\n"), () -> sched + " refused:\n" + schedulers);
            assertTrue(Pattern.compile("UDP\\s+198\\.51\\.100\\.1:\\d+ " + sched + "\n").matcher(schedulers).find(),
                    () -> "ipvsadm does not list " + sched + ":\n" + schedulers);
        }
        assertTrue(schedulers.contains("REFUSED nosuch errno 2"), schedulers);

        String r = read(s, "reconcile");
        assertTrue(r.contains("FAILURES [] []"), r);
        assertTrue(r.contains("CONNECTIONS 5"), r);
        assertTrue(r.contains("EQUAL true"), r);
        assertEquals("""
                delete service FWM 7
                delete destination 198.51.100.2:80 from TCP 192.0.2.1:80
                add destination 198.51.100.3:80 weight 4 to TCP 192.0.2.1:80
                add service UDP [2001:db8::1]:53 rr
                add destination [2001:db8::2]:53 weight 1 to UDP [2001:db8::1]:53""",
                between(r, "PLAN\n", "\nEQUAL"), "only the delta is planned");
        String before = between(r, "=== BEFORE\n", "=== AFTER");
        String after = r.substring(r.indexOf("=== AFTER"));
        String local = "TCP  203.0.113.10:8081\\s+(\\d+)\\s+(\\d+)";
        long connsBefore = group(before, local, 1);
        assertEquals(5, connsBefore, before);
        assertEquals(connsBefore, group(after, local, 1), "the unchanged service kept its counters:\n" + r);
        assertTrue(group(after, local, 2) >= group(before, local, 2), r);
        assertTrue(after.contains("TCP  203.0.113.1:25"), "a foreign service survives:\n" + r);

        assertEquals("-A -t 203.0.113.1:25 -s rr\n", read(s, "stopped"), "stop removes ours only");
        String flushed = read(s, "flushed");
        assertTrue(flushed.endsWith("  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn\nDUMP 0\n"),
                flushed);
    }

    @Test
    void benchmarkThousandServicesTimesTenDestinations() throws Exception {
        Path s = inVm("bench", IpvsVmBench.class.getName(), "1000", "10");
        String bench = read(s, "bench");
        System.out.println(bench);
        assertTrue(bench.contains("failures 0 read-back-equal true"), bench);
        assertTrue(bench.contains("ipvsadm read-back-equal true"), bench);
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = ("\n" + text).indexOf(needle); i >= 0; i = ("\n" + text).indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

    private static String between(String text, String from, String to) {
        int a = text.indexOf(from);
        int b = text.indexOf(to, a);
        assertTrue(a >= 0 && b >= 0, () -> "no '" + from + "' .. '" + to + "' in\n" + text);
        return text.substring(a + from.length(), b);
    }

    private static long group(String text, String regex, int group) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertTrue(m.find(), () -> "no " + regex + " in\n" + text);
        return Long.parseLong(m.group(group));
    }
}
