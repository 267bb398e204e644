package org.jkeepalived.watchdog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jkeepalived.core.config.ConfigLoader;
import org.jkeepalived.core.config.KeepalivedConfig;
import org.jkeepalived.core.config.LoadOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
    void fastAdvertsGiveTheVrrpChildAFixedHeapWithALargeYoungGeneration() {
        assertEquals(List.of("-Xms4m", "-Xmn2m", "-Xmx12m"), JvmCommand.heapOptions(ChildKind.VRRP, 1, false));
        assertEquals(List.of("-Xms64m", "-Xmx64m", "-Xmn32m"), JvmCommand.heapOptions(ChildKind.VRRP, 1, true));
        // many instances keep the larger heap they need
        int big = JvmCommand.heapMiB(2000);
        assertEquals(List.of("-Xms" + big + "m", "-Xmx" + big + "m", "-Xmn32m"),
                JvmCommand.heapOptions(ChildKind.VRRP, 2000, true));
        // the checker child does not advertise
        assertEquals(List.of("-Xms4m", "-Xmn2m", "-Xmx16m"), JvmCommand.heapOptions(ChildKind.CHECKERS, 3, true));
        List<String> c = JvmCommand.command(ChildKind.VRRP, 1, true, List.of("-n"));
        assertTrue(c.containsAll(List.of("-Xms64m", "-Xmx64m", "-Xmn32m")), c.toString());
    }

    @Test
    void fastAdvertsMeansAnInstanceUnder100Milliseconds(@TempDir Path dir) throws Exception {
        assertFalse(ParentProcess.fastAdverts(load(dir, "advert_int 0.1")));
        assertTrue(ParentProcess.fastAdverts(load(dir, "advert_int 0.09")));
        assertFalse(ParentProcess.fastAdverts(load(dir, "")), "default 1 s");
    }

    private static KeepalivedConfig load(Path dir, String advert) throws Exception {
        Path f = dir.resolve("k.conf");
        Files.writeString(f, """
                vrrp_instance VI_1 {
                    interface lo
                    virtual_router_id 51
                    priority 100
                    version 3
                    %s
                    virtual_ipaddress {
                        192.0.2.1/32
                    }
                }
                """.formatted(advert));
        return ConfigLoader.load(f, new LoadOptions("t", false, HostView.system().interfaces())).config();
    }

    @Test
    void childPidFilesDefaultToKeepalivedsAndFollowTheFlags() {
        DaemonOptions o = VrrpChild.options(new String[] {"-r", "/tmp/v.pid"});
        assertEquals(Path.of("/tmp/v.pid"), ChildKind.VRRP.pidFile(o));
        assertEquals(Path.of("/run/keepalived_checkers.pid"), ChildKind.CHECKERS.pidFile(o));
        assertEquals("Keepalived_healthcheckers", ChildKind.CHECKERS.ident());
    }
}
