package org.jkeepalived.ipvs.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
    private static Path runner;
    private static Path work;

    @BeforeAll
    static void needsTheVm() throws IOException {
        assumeTrue(onPath("qemu-system-x86_64"), "qemu-system-x86_64 missing (apt-get install qemu-system-x86)");
        File[] kernels = new File("/boot").listFiles((d, n) -> n.startsWith("vmlinuz-") && n.endsWith("-amd64"));
        assumeTrue(kernels != null && kernels.length > 0 && kernels[0].canRead(),
                "no readable /boot/vmlinuz-*-amd64 (apt-get install linux-image-amd64)");
        assumeTrue(new File("/bin/busybox").canExecute(), "busybox missing (apt-get install busybox-static)");
        assumeTrue(onPath("ipvsadm"), "ipvsadm missing (apt-get install ipvsadm)");
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("test-tools/ipvs-vm/run-in-vm.sh"))) {
            dir = dir.getParent();
        }
        assumeTrue(dir != null, "test-tools/ipvs-vm not found above " + Path.of("").toAbsolutePath());
        runner = dir.resolve("test-tools/ipvs-vm/run-in-vm.sh");
        work = Files.createDirectories(Path.of("target", "ipvs-vm-it").toAbsolutePath());
    }

    private static boolean onPath(String program) {
        List<String> dirs = new ArrayList<>(Arrays.asList(System.getenv().getOrDefault("PATH", "").split(":")));
        dirs.addAll(List.of("/usr/sbin", "/sbin"));
        return dirs.stream().anyMatch(d -> new File(d, program).canExecute());
    }

    /** Runs {@code mainClass} in a fresh VM with this JVM's class path; returns the shared folder. */
    private static Path inVm(String name, String mainClass, String... args) throws Exception {
        Path shared = Files.createDirectories(work.resolve(name));
        try (var files = Files.list(shared)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Files.delete(p);
            }
        }
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String command = java + " -XX:+UseSerialGC -Xmx256m -cp '" + classPath + "' " + mainClass + " "
                + String.join(" ", args);
        ProcessBuilder pb = new ProcessBuilder("sh", runner.toString(), command).redirectErrorStream(true)
                .redirectOutput(shared.resolveSibling(name + ".log").toFile());
        pb.environment().put("IPVS_VM_SHARED", shared.toString());
        pb.environment().put("IPVS_VM_TIMEOUT", "400"); // TCG slows down a lot on a busy host
        Process p = pb.start();
        if (!p.waitFor(420, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("VM did not finish in 420 s");
        }
        String log = Files.readString(shared.resolveSibling(name + ".log"));
        assertEquals(0, p.exitValue(), () -> "VM run failed:\n" + log);
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
                "-a -t 192.0.2.1:80 -r 10.0.0.1:8080 -m -w 3",
                "-a -t 192.0.2.1:80 -r 10.0.0.2:80 -g -w 2",
                "-a -t 192.0.2.1:80 -r 10.0.0.3:80 -i -w 0 --tun-type ipip",
                "-A -u [2001:db8::1]:53 -s sh -o -b sh-port",
                "-a -u [2001:db8::1]:53 -r [2001:db8::2]:53 -m -w 1",
                "-A -f 7 -s rr -p 600 -M 255.255.255.0",
                "-a -f 7 -r 10.0.0.4:0 -g -w 5",
                "DUPLICATE errno 17")) {
            assertTrue(added.contains(line + "\n"), () -> "missing '" + line + "' in\n" + added);
        }
        assertTrue(Pattern.compile("10\\.0\\.0\\.1:8080\\s+100\\s+10\\s").matcher(added).find(), added);
        assertEquals(3 + 5, count(added, "\nDUMP "), "our dump: 3 services, 5 destinations\n" + added);

        String edited = read(s, "edited");
        assertTrue(edited.contains("-A -t 192.0.2.1:80 -s lc -p 300\n"), edited);
        assertTrue(edited.contains("-a -t 192.0.2.1:80 -r 10.0.0.1:8080 -m -w 7\n"), edited);
        assertTrue(Pattern.compile("10\\.0\\.0\\.1:8080\\s+50\\s+5\\s").matcher(edited).find(), edited);

        String deleted = read(s, "deleted");
        assertFalse(deleted.contains("10.0.0.2:80"), deleted);
        assertFalse(deleted.contains("2001:db8::1"), deleted);
        assertTrue(deleted.contains("-a -t 192.0.2.1:80 -r 10.0.0.3:80 -i -w 0"), deleted);

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
                delete destination 10.0.0.2:80 from TCP 192.0.2.1:80
                add destination 10.0.0.3:80 weight 4 to TCP 192.0.2.1:80
                add service UDP [2001:db8::1]:53 rr
                add destination [2001:db8::2]:53 weight 1 to UDP [2001:db8::1]:53""",
                between(r, "PLAN\n", "\nEQUAL"), "only the delta is planned");
        String before = between(r, "=== BEFORE\n", "=== AFTER");
        String after = r.substring(r.indexOf("=== AFTER"));
        String local = "TCP  10.10.10.10:8081\\s+(\\d+)\\s+(\\d+)";
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
