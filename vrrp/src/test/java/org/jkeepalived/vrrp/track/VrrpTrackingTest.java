package org.jkeepalived.vrrp.track;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jkeepalived.core.config.ScriptVerdict;
import org.jkeepalived.core.config.SourceLocation;
import org.jkeepalived.core.config.vrrp.VrrpConfig;
import org.jkeepalived.core.config.vrrp.VrrpScript;
import org.jkeepalived.core.config.vrrp.VrrpTrackFile;
import org.jkeepalived.core.time.FakeScheduler;
import org.jkeepalived.vrrp.engine.AddressInstaller;
import org.jkeepalived.vrrp.engine.InstanceSpec;
import org.jkeepalived.vrrp.engine.TrackedObject;
import org.jkeepalived.vrrp.engine.VrrpInstance;
import org.jkeepalived.vrrp.engine.VrrpState;
import org.jkeepalived.vrrp.track.ScriptHysteresis.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tracked scripts and files feeding real engine instances, in virtual time with a fake runner. */
class VrrpTrackingTest {
    private static final SourceLocation AT = new SourceLocation("k.conf", 1);
    private final FakeScheduler scheduler = new FakeScheduler();
    private final FakeScriptRunner runner = new FakeScriptRunner();

    private VrrpInstance instance(TrackedObject... tracked) throws Exception {
        InstanceSpec.Builder b = InstanceSpec.builder("VI_1", 51, InetAddress.getByAddress(new byte[] {(byte) 192, 0, 2,
                1})).interfaceName("eth0").priority(100).virtualAddress(InetAddress.getByAddress(
                new byte[] {(byte) 192, 0, 2, 100}));
        for (TrackedObject t : tracked) {
            b.track(t);
        }
        return new VrrpInstance(b.build(), scheduler, (a, d) -> { }, new AddressInstaller() {
            @Override
            public void install(InstanceSpec i) {
            }

            @Override
            public void remove(InstanceSpec i) {
            }
        }, (i, r) -> { });
    }

    private static VrrpScript script(String name, int weight, boolean initFail) {
        return new VrrpScript(name, "/bin/" + name, Duration.ofSeconds(1), Optional.empty(), weight, false, 1, 1,
                Optional.empty(), Optional.empty(), initFail, AT);
    }

    private static VrrpConfig config(List<VrrpScript> scripts, List<VrrpTrackFile> files) {
        return new VrrpConfig(scripts, files, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of());
    }

    @Test
    void aRefusedScriptCountsForNothing() {
        assertFalse(VrrpTracking.neutralStatus(TrackedObject.trackScript("a", 10)), "+10 not added");
        assertTrue(VrrpTracking.neutralStatus(TrackedObject.trackScript("a", -10)), "-10 not taken");
        assertTrue(VrrpTracking.neutralStatus(TrackedObject.trackScript("a", 0)), "no FAULT");
        assertFalse(VrrpTracking.neutralStatus(new TrackedObject(TrackedObject.Kind.SCRIPT, "a", 0, true)),
                "reverse: no FAULT either");
    }

    @Test
    void aWeightZeroScriptHoldsTheInstanceInInitUntilItsFirstResultEvenWithInitFail() throws Exception {
        // keepalived 2.2.7 resets init_fail when an instance tracks the script: no FAULT before the result
        VrrpInstance vi = instance(TrackedObject.trackScript("chk", 0), TrackedObject.trackScript("w", -10));
        VrrpTracking t = VrrpTracking.attach(config(List.of(script("chk", 0, true), script("w", 0, true)),
                List.of()), List.of(vi), scheduler, runner, c -> ScriptVerdict.run(0, 0), 0, 0);
        vi.start();
        scheduler.advance(8_000_000_000L);
        assertEquals(VrrpState.INIT, vi.state());
        assertEquals(100, vi.effectivePriority(), "init_fail takes no weight off either");
        runner.runs.get(0).finish(ScriptOutcome.exited(0));
        scheduler.runDue();
        assertEquals(VrrpState.BACKUP, vi.state());
        t.close();
    }

    @Test
    void scriptResultsMoveTheInstance() throws Exception {
        VrrpInstance vi = instance(TrackedObject.trackScript("up", 10), TrackedObject.trackScript("chk", 0));
        VrrpTracking t = VrrpTracking.attach(config(List.of(script("up", 10, false), script("chk", 0, false),
                script("unused", 0, false)), List.of()), List.of(vi), scheduler, runner, c -> ScriptVerdict.run(0, 0),
                0, 0);
        vi.start();
        assertEquals(100, vi.effectivePriority(), "+10 waits for the first success");
        scheduler.runDue();
        assertEquals(2, runner.runs.size(), "only tracked scripts run");
        runner.runs.get(0).finish(ScriptOutcome.exited(0));
        runner.runs.get(1).finish(ScriptOutcome.exited(1));
        scheduler.runDue();
        assertEquals(110, vi.effectivePriority());
        assertEquals(VrrpState.FAULT, vi.state());
        scheduler.advance(1_000_000_000L);
        runner.runs.get(3).finish(ScriptOutcome.exited(0));
        scheduler.runDue();
        assertEquals(VrrpState.BACKUP, vi.state());
        t.close();
    }

    @Test
    void aRefusedScriptIsNeverRun() throws Exception {
        VrrpInstance vi = instance(TrackedObject.trackScript("chk", 0));
        VrrpTracking.attach(config(List.of(script("chk", 0, true)), List.of()), List.of(vi), scheduler, runner,
                c -> new ScriptVerdict(false, -1, -1, false, "insecure"), 0, 0);
        vi.start();
        scheduler.advance(5_000_000_000L);
        assertEquals(0, runner.runs.size());
        assertFalse(vi.state() == VrrpState.FAULT, "dropped from tracking, as keepalived does");
    }

    @Test
    void trackFileInitialValueAndChange(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("tf");
        VrrpInstance vi = instance(TrackedObject.trackFile("tf", 2));
        VrrpTracking t = VrrpTracking.attach(config(List.of(), List.of(new VrrpTrackFile("tf", f.toString(), 2, false,
                Optional.of(new VrrpTrackFile.InitFile(7, false)), AT))), List.of(vi), scheduler, runner,
                c -> ScriptVerdict.run(0, 0), 0, 0);
        assertEquals("7\n", Files.readString(f), "init_file writes a missing file");
        assertEquals(114, vi.effectivePriority());
        Files.writeString(f, "-5\n");
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (vi.effectivePriority() != 90 && System.nanoTime() < deadline) {
            Thread.sleep(20);
            scheduler.runDue();
        }
        assertEquals(90, vi.effectivePriority());
        t.close();
    }

    private static InstanceSpec spec(TrackedObject... tracked) throws Exception {
        InstanceSpec.Builder b = InstanceSpec.builder("VI_1", 51, InetAddress.getByAddress(new byte[] {(byte) 192, 0, 2,
                1})).interfaceName("eth0").priority(100).virtualAddress(InetAddress.getByAddress(
                new byte[] {(byte) 192, 0, 2, 100}));
        for (TrackedObject t : tracked) {
            b.track(t);
        }
        return b.build();
    }

    @Test
    void aReloadKeepsAnUnchangedScriptRunningWithItsStatus() throws Exception {
        VrrpInstance vi = instance(TrackedObject.trackScript("up", 10));
        VrrpTracking t = VrrpTracking.attach(config(List.of(script("up", 10, false)), List.of()), List.of(vi),
                scheduler, runner, c -> ScriptVerdict.run(0, 0), 0, 0);
        vi.start();
        scheduler.runDue();
        runner.last().finish(ScriptOutcome.exited(0));
        scheduler.runDue();
        assertEquals(110, vi.effectivePriority());
        FakeScriptRunner.Run inFlight = runner.runs.get(0);
        VrrpScript moved = new VrrpScript("up", "/bin/up", Duration.ofSeconds(1), Optional.empty(), 10, false, 1, 1,
                Optional.empty(), Optional.empty(), false, new SourceLocation("k.conf", 40));
        t.update(config(List.of(moved), List.of()), List.of(vi));
        scheduler.runDue();
        assertEquals(1, runner.runs.size(), "not started again");
        assertFalse(inFlight.killed);
        assertEquals(110, vi.effectivePriority(), "its OK status still counts");
        t.close();
    }

    @Test
    void aScriptTrackedAfterAReloadStartsAndItsFailureLowersThePriority() throws Exception {
        VrrpInstance vi = instance();
        VrrpTracking t = VrrpTracking.attach(config(List.of(script("chk", -60, false)), List.of()), List.of(vi),
                scheduler, runner, c -> ScriptVerdict.run(0, 0), 0, 0);
        vi.start();
        scheduler.runDue();
        assertEquals(0, runner.runs.size(), "nothing tracks chk yet");
        vi.reconfigure(spec(TrackedObject.trackScript("chk", -60)));
        t.update(config(List.of(script("chk", -60, false)), List.of()), List.of(vi));
        scheduler.runDue();
        assertEquals(1, runner.runs.size());
        assertEquals(100, vi.effectivePriority(), "no weight before the first result");
        runner.last().finish(ScriptOutcome.exited(1));
        scheduler.runDue();
        assertEquals(40, vi.effectivePriority());
        t.close();
    }

    @Test
    void aScriptNoLongerTrackedOrRedefinedIsStopped() throws Exception {
        VrrpInstance vi = instance(TrackedObject.trackScript("a", 0), TrackedObject.trackScript("b", 0));
        VrrpTracking t = VrrpTracking.attach(config(List.of(script("a", 0, false), script("b", 0, false)), List.of()),
                List.of(vi), scheduler, runner, c -> ScriptVerdict.run(0, 0), 0, 0);
        vi.start();
        scheduler.runDue();
        assertEquals(2, runner.runs.size());
        vi.reconfigure(spec(TrackedObject.trackScript("b", 0)));
        VrrpScript redefined = new VrrpScript("b", "/bin/b2", Duration.ofSeconds(1), Optional.empty(), 0, false, 1,
                1, Optional.empty(), Optional.empty(), false, AT);
        t.update(config(List.of(script("a", 0, false), redefined), List.of()), List.of(vi));
        scheduler.runDue();
        assertTrue(runner.runs.get(0).killed, "a is no longer tracked");
        assertTrue(runner.runs.get(1).killed, "b changed its command");
        assertEquals(List.of("/bin/b2"), runner.last().argv.subList(runner.last().argv.size() - 1,
                runner.last().argv.size()));
        assertEquals(List.of("b"), t.trackers().stream().map(ScriptTracker::name).toList());
        t.close();
    }

    @Test
    void trackFileValues() {
        assertEquals(0, TrackFiles.parseValue(""));
        assertEquals(0, TrackFiles.parseValue("abc"));
        assertEquals(-20, TrackFiles.parseValue("  -20\n"));
        assertEquals(12, TrackFiles.parseValue("12abc"));
        assertEquals(Integer.MAX_VALUE, TrackFiles.parseValue("99999999999999"));
    }
}
