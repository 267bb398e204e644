package org.jkeepalived.watchdog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jkeepalived.ipvs.genl.GenlIpvsTable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checker child on a kernel without IPVS (the build machines'): as keepalived 2.2.7 there ("Initializing ipvs",
 * "IPVS: Can't initialize ipvs: No such file or directory", the child's permanent FATAL error stops the parent),
 * it exits {@link ExitStatus#FATAL} and the parent stops with it. Skipped where the kernel has IPVS.
 */
class CheckerChildTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void kernelWithoutIpvs() {
        boolean ipvs;
        try (GenlIpvsTable t = GenlIpvsTable.open()) {
            ipvs = true;
        } catch (Exception | LinkageError e) {
            ipvs = false;
        }
        assumeFalse(ipvs, "this kernel has IPVS: the VM IT covers the checker child");
    }

    private Path conf() throws Exception {
        return Files.writeString(dir.resolve("k.conf"), """
                virtual_server 192.0.2.10 80 {
                  protocol TCP
                  lvs_sched rr
                  real_server 198.51.100.1 80 { TCP_CHECK { connect_timeout 1 } }
                }
                """);
    }

    private record Run(int status, String log) {
    }

    private Run java(String mainClass, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), mainClass));
        cmd.addAll(List.of(args));
        Path log = dir.resolve(mainClass + ".log");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "did not exit");
        return new Run(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    @Test
    void childWithoutIpvsLogsKeepalivedsMessageAndExitsFatal() throws Exception {
        Run r = java(CheckerChild.class.getName(), "-n", "-l", "-f", conf().toString(), "-c",
                dir.resolve("c.pid").toString());
        assertEquals(ExitStatus.FATAL, r.status(), r.log());
        assertTrue(r.log().contains("Initializing ipvs"), r.log());
        assertTrue(r.log().contains("IPVS: Can't initialize ipvs: No such file or directory"), r.log());
        assertFalse(Files.exists(dir.resolve("c.pid")), "the pid file is removed");
    }

    @Test
    void parentStopsWhenTheCheckerChildCannotInitializeIpvs() throws Exception {
        Run r = java(Main.class.getName(), "-n", "-l", "-C", "-f", conf().toString(), "-p",
                dir.resolve("k.pid").toString(), "-c", dir.resolve("c.pid").toString());
        assertEquals(ExitStatus.FATAL, r.status(), r.log());
        assertTrue(r.log().matches("(?s).*Healthcheck child process\\(\\d+\\) exited due to fatal error \\(status 2\\):"
                + " stopping.*"), r.log());
        assertFalse(r.log().contains("Respawning"), r.log());
        assertFalse(Files.exists(dir.resolve("k.pid")), "the parent's pid file is removed");
    }
}
