package org.jkeepalived.watchdog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The small parts of the process structure: signal numbers, capabilities, child commands and JVM lines. */
class ProcessPartsTest {
    @ParameterizedTest
    @CsvSource({"STOP,15", "RELOAD,1", "DATA,10", "STATS,12", "JSON,30", "json,30", "STATS_CLEAR,16"})
    void signumPrintsTheSignalsJkeepalivedUses(String function, int number) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(0, SignalFunction.print(function, new PrintStream(out), new PrintStream(new ByteArrayOutputStream())));
        assertEquals(Integer.toString(number), out.toString(StandardCharsets.US_ASCII).trim());
    }

    @Test
    void anUnknownFunctionIsAnError() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(1, SignalFunction.print("NOPE", new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err)));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("Unknown sigfunc NOPE"));
    }

    @Test
    void capabilitiesFromProcStatus() {
        assertNull(Capabilities.missing("Name:\tjava\nCapEff:\t000001ffffffffff\n"));
        assertEquals("CAP_NET_ADMIN and CAP_NET_RAW", Capabilities.missing("CapEff:\t0000000000000000\n"));
        assertEquals("CAP_NET_RAW", Capabilities.missing("CapEff:\t0000000000001000\n"));
        assertEquals("CAP_NET_ADMIN", Capabilities.missing("CapEff:\t0000000000002000\n"));
    }

    @Test
    void childCommandsAreWords() {
        assertEquals(Optional.of(ChildCommand.RELOAD), ChildCommand.parse("RELOAD\n"));
        assertEquals(Optional.of(ChildCommand.STATS_CLEAR), ChildCommand.parse("STATS_CLEAR"));
        assertEquals(Optional.empty(), ChildCommand.parse("reboot"));
    }

    @Test
    void checkerChildHeapGrowsWithItsCheckers() {
        List<String> small = JvmCommand.command(ChildKind.CHECKERS, 3, List.of("-C"));
        assertTrue(small.contains("-Xmx16m"), small.toString());
        assertEquals("org.jkeepalived.watchdog.CheckerChild", small.get(small.size() - 2));
        // the checker benchmark needed more than 48 MiB for 10,000 TCP_CHECKs and ran in 64
        assertTrue(JvmCommand.checkerHeapMiB(10_000) >= 96, "headroom over the measured 64 MiB");
        assertTrue(JvmCommand.checkerHeapMiB(2_000) >= 32, "headroom over the measured 24 MiB");
    }

    @Test
    void childJvmRunsTheChildMainWithTheDaemonsArgumentsAndASmallHeap() {
        List<String> c = JvmCommand.command(ChildKind.VRRP, 255, List.of("-n", "-f", "x.conf"));
        assertTrue(c.get(0).endsWith("/bin/java"), c.get(0));
        assertTrue(c.containsAll(List.of("-XX:+UseSerialGC", "-Xmx" + JvmCommand.heapMiB(255) + "m")), c.toString());
        assertEquals(List.of("org.jkeepalived.watchdog.VrrpChild", "-n", "-f", "x.conf"), c.subList(c.size() - 4,
                c.size()));
        Map<String, String> env = new HashMap<>();
        JvmCommand.environment(env);
        assertEquals(JvmCommand.SR_SIGNUM, env.get("_JAVA_SR_SIGNUM"));
    }

    @Test
    void childPidFilesDefaultToKeepalivedsAndFollowTheFlags() {
        DaemonOptions o = VrrpChild.options(new String[] {"-r", "/tmp/v.pid"});
        assertEquals(Path.of("/tmp/v.pid"), ChildKind.VRRP.pidFile(o));
        assertEquals(Path.of("/run/keepalived_checkers.pid"), ChildKind.CHECKERS.pidFile(o));
        assertEquals("Keepalived_healthcheckers", ChildKind.CHECKERS.ident());
    }
}
