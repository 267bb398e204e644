package org.jkeepalived.watchdog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jkeepalived.core.testing.Command;
import org.jkeepalived.core.testing.NetworkNamespace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * global_defs' process settings on a real daemon, beside keepalived 2.2.7 on the same configuration (each in
 * its own namespace): process names, RLIMIT_RTTIME (soft half of vrrp_rlimit_rttime, hard all of it),
 * SCHED_RR at vrrp_rt_priority, nice value, CPU affinity and memory lock. keepalived is one thread, all of it
 * real-time; in jkeepalived only the scheduler and advert receive threads are, the rest keep SCHED_OTHER at
 * the configured nice value.
 */
class ProcessTuningIT {
    private static final Path LAUNCHER = Path.of("..", "bin", "jkeepalived").toAbsolutePath().normalize();
    private static final int SCHED_RR = 2;

    @TempDir
    Path dir;
    private final List<NetworkNamespace> namespaces = new ArrayList<>();
    private final List<Process> started = new ArrayList<>();
    private int cpu;

    @BeforeEach
    void host() {
        assumeTrue(Command.isRoot(), "needs root for network namespaces and real-time scheduling");
        cpu = Runtime.getRuntime().availableProcessors() - 1;
    }

    @AfterEach
    void teardown() {
        for (Process p : started) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        for (String pidFile : List.of("jk.pid", "jk_vrrp.pid", "ka.pid", "ka_vrrp.pid")) {
            pid(pidFile).flatMap(ProcessHandle::of).ifPresent(ProcessHandle::destroyForcibly);
        }
        namespaces.forEach(NetworkNamespace::close);
    }

    private String config() {
        return """
                global_defs {
                    process_names
                    vrrp_rt_priority 20
                    vrrp_rlimit_rttime 40000
                    vrrp_priority -5
                    vrrp_no_swap
                    vrrp_cpu_affinity %d
                }
                vrrp_instance VI_1 {
                    interface d0
                    virtual_router_id 51
                    priority 100
                    advert_int 1
                    virtual_ipaddress {
                        198.51.100.1/32
                    }
                }
                """.formatted(cpu);
    }

    @Test
    void processSettingsMatchKeepalivedsWithRealTimeOnlyOnTheTimingThreads() throws Exception {
        Files.writeString(dir.resolve("t.conf"), config());
        Daemon ka = start("ka", "keepalived");
        Daemon jk = start("jk", LAUNCHER.toString());

        for (Daemon d : List.of(ka, jk)) {
            assertEquals("keepalived", comm(d.parent), d.name);
            assertEquals("keepalived_vrrp", comm(d.child), d.name);
            assertEquals(List.of("20000", "40000"), rttimeLimit(d.child), d.name + ": RLIMIT_RTTIME soft, hard");
            assertTrue(status(d.child, "VmLck:").matches("[1-9][0-9]* kB"), d.name + " VmLck " + status(d.child, "VmLck:"));
        }
        // keepalived: its one thread under SCHED_RR 20, on the CPU it was given
        Thread kaThread = threads(ka.child).get(0);
        assertEquals(SCHED_RR, kaThread.policy, kaThread.toString());
        assertEquals(20, kaThread.rtPriority, kaThread.toString());
        assertEquals(Integer.toString(cpu), kaThread.cpus, kaThread.toString());

        List<Thread> jkThreads = threads(jk.child);
        List<Thread> timing = jkThreads.stream()
                .filter(t -> t.name.equals("vrrp-scheduler") || t.name.startsWith("vrrp-rx-")).toList();
        assertEquals(2, timing.size(), jkThreads.toString());
        for (Thread t : jkThreads) {
            assertEquals(Integer.toString(cpu), t.cpus, "affinity of " + t);
            if (timing.contains(t)) {
                assertEquals(SCHED_RR, t.policy, t.toString());
                assertEquals(20, t.rtPriority, t.toString());
            } else {
                assertEquals(0, t.policy, "SCHED_OTHER: " + t);
                assertEquals(-5, t.nice, "nice: " + t);
            }
        }
    }

    private record Daemon(String name, long parent, long child) {
    }

    private record Thread(String name, int nice, int rtPriority, int policy, String cpus) {
    }

    private Daemon start(String name, String program) throws Exception {
        NetworkNamespace ns = NetworkNamespace.create();
        namespaces.add(ns);
        ns.ip("link", "add", "d0", "type", "veth", "peer", "name", "d1");
        ns.ip("link", "set", "d0", "up");
        ns.ip("link", "set", "d1", "up");
        ns.ip("addr", "add", "192.0.2.1/24", "dev", "d0");
        Path log = dir.resolve(name + ".log");
        Process p = new ProcessBuilder("ip", "netns", "exec", ns.name(), program, "-n", "-l", "-D",
                "-f", dir.resolve("t.conf").toString(), "-p", dir.resolve(name + ".pid").toString(),
                "-r", dir.resolve(name + "_vrrp.pid").toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        started.add(p);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            Optional<Long> parent = pid(name + ".pid");
            Optional<Long> child = pid(name + "_vrrp.pid");
            if (parent.isPresent() && child.isPresent() && Files.readString(log).contains("(VI_1) Entering")
                    && (!name.equals("jk") || threads(child.get()).stream().anyMatch(t -> t.policy == SCHED_RR
                    && t.name.equals("vrrp-scheduler")))) {
                return new Daemon(name, parent.get(), child.get());
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        throw new AssertionError(name + " did not start:\n" + Files.readString(log));
    }

    private Optional<Long> pid(String file) {
        try {
            return Optional.of(Long.parseLong(Files.readString(dir.resolve(file)).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String comm(long pid) throws IOException {
        return Files.readString(Path.of("/proc", Long.toString(pid), "comm")).trim();
    }

    private static String status(long pid, String field) throws IOException {
        return Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
                .filter(l -> l.startsWith(field)).map(l -> l.substring(field.length()).trim()).findFirst().orElse("");
    }

    private static List<String> rttimeLimit(long pid) throws IOException {
        String line = Files.readAllLines(Path.of("/proc", Long.toString(pid), "limits")).stream()
                .filter(l -> l.startsWith("Max realtime timeout")).findFirst().orElseThrow();
        String[] f = line.substring("Max realtime timeout".length()).trim().split("\\s+");
        return List.of(f[0], f[1]);
    }

    /** Every thread of a process, from /proc/PID/task/TID/{comm,stat,status}. */
    private static List<Thread> threads(long pid) throws IOException {
        List<Thread> out = new ArrayList<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path t : tasks.toList()) {
                try {
                    String stat = Files.readString(t.resolve("stat"));
                    // fields after "(comm)": state is field 3, nice 19, rt_priority 40, policy 41
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    String cpus = Files.readAllLines(t.resolve("status")).stream()
                            .filter(l -> l.startsWith("Cpus_allowed_list:")).map(l -> l.substring(18).trim())
                            .findFirst().orElse("");
                    out.add(new Thread(Files.readString(t.resolve("comm")).trim(), Integer.parseInt(f[16]),
                            Integer.parseInt(f[37]), Integer.parseInt(f[38]), cpus));
                } catch (IOException e) {
                    // the thread ended while we listed it
                }
            }
        }
        return out;
    }
}
