package org.jkeepalived.vrrp.engine;

import static org.jkeepalived.vrrp.engine.Fixtures.LOCAL;
import static org.jkeepalived.vrrp.engine.Fixtures.PEER_HIGH;
import static org.jkeepalived.vrrp.engine.Fixtures.VIP;
import static org.jkeepalived.vrrp.engine.Fixtures.ip;
import static org.jkeepalived.vrrp.engine.Fixtures.spec;
import static org.jkeepalived.vrrp.engine.Fixtures.v2;
import static org.jkeepalived.vrrp.engine.Fixtures.v3;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.List;
import org.jkeepalived.core.time.FakeScheduler;
import org.junit.jupiter.api.Test;

/** {@link VrrpInstance#reconfigure}: a reload applied in place, in virtual time, as keepalived 2.2.7 does it. */
class ReconfigureTest {
    private static final InetAddress VIP2 = ip(198, 51, 100, 11);
    private static final long SECOND = 1_000_000;

    private final FakeScheduler scheduler = new FakeScheduler();
    private final RecordingPorts ports = new RecordingPorts(scheduler);

    private void runUntilMicros(long micros) {
        scheduler.runUntil(micros * 1000);
    }

    private VrrpInstance master(InstanceSpec spec) {
        VrrpInstance vi = ports.instance(spec);
        vi.start();
        runUntilMicros(4 * SECOND);
        assertEquals(VrrpState.MASTER, vi.state());
        ports.log.clear();
        ports.addresses.clear();
        ports.announceTimes.clear();
        return vi;
    }

    private boolean sentPriorityZero() {
        return ports.sent.stream().anyMatch(s -> s.advert().priority() == 0);
    }

    @Test
    void aMasterGivenAnotherVipInstallsOnlyThatOneWithoutATransition() {
        VrrpInstance vi = master(spec().build());
        int transitions = ports.transitions.size();
        vi.reconfigure(spec().virtualAddress(VIP2).build());
        assertEquals(VrrpState.MASTER, vi.state());
        assertEquals(transitions, ports.transitions.size(), "no transition, so no notification");
        assertEquals(List.of("+198.51.100.11"), ports.addresses);
        assertEquals("(VI_1) setting VIPs.", ports.log.get(0));
        assertEquals(List.of(4 * SECOND), ports.announceTimes, "gratuitous ARPs again at once");
        runUntilMicros(5 * SECOND);
        assertEquals(List.of(VIP, VIP2), ports.lastSent().advert().addresses(), "the next advert carries both");
        assertFalse(sentPriorityZero());
    }

    @Test
    void aMasterLosingAVipRemovesOnlyThatOneAndSaysSo() {
        VrrpInstance vi = master(spec().virtualAddress(VIP2).build());
        vi.reconfigure(spec().build());
        assertEquals(List.of("-198.51.100.11"), ports.addresses);
        assertEquals(List.of("(VI_1) ip address 198.51.100.11/32 dev eth0, no longer exist", "(VI_1) setting VIPs."),
                ports.log.subList(0, 2));
        assertEquals(VrrpState.MASTER, vi.state());
        assertFalse(sentPriorityZero());
    }

    @Test
    void aBackupGivenAnotherVipInstallsNothing() {
        VrrpInstance vi = ports.instance(spec().build());
        vi.start();
        vi.receivedAdvert(v2(150), PEER_HIGH);
        vi.reconfigure(spec().virtualAddress(VIP2).build());
        assertEquals(VrrpState.BACKUP, vi.state());
        assertTrue(ports.addresses.stream().noneMatch(a -> a.startsWith("+")), ports.addresses.toString());
        assertTrue(ports.announceTimes.isEmpty());
    }

    @Test
    void aReloadedPriorityIsAdvertisedSilentlyAndALowerOneLosesByElection() {
        VrrpInstance vi = master(spec().priority(150).build());
        vi.reconfigure(spec().priority(90).build());
        assertEquals(90, vi.effectivePriority());
        assertTrue(ports.log.stream().noneMatch(l -> l.contains("Changing effective priority")), ports.log.toString());
        runUntilMicros(5 * SECOND);
        assertEquals(90, ports.lastSent().advert().priority());
        assertEquals(VrrpState.MASTER, vi.state(), "a priority alone makes no transition");
        vi.receivedAdvert(v2(100), PEER_HIGH);
        assertEquals(VrrpState.BACKUP, vi.state(), "the backup now above us preempts");
        assertFalse(sentPriorityZero(), "losing by election is no shutdown");
    }

    @Test
    void aBackupRaisedAboveTheMasterPreempts() {
        VrrpInstance vi = ports.instance(spec().priority(100).build());
        vi.start();
        for (long t = 0; t <= 3 * SECOND; t += SECOND) {
            runUntilMicros(t);
            vi.receivedAdvert(v2(150), PEER_HIGH);
        }
        vi.reconfigure(spec().priority(200).build());
        assertEquals(VrrpState.BACKUP, vi.state());
        for (long t = 4 * SECOND; t <= 8 * SECOND; t += SECOND) {
            runUntilMicros(t);
            vi.receivedAdvert(v2(150), PEER_HIGH);
        }
        assertEquals(VrrpState.MASTER, vi.state(), "lower priority adverts no longer hold it back");
    }

    @Test
    void aMastersNewAdvertIntervalTakesEffectAtOnce() {
        VrrpInstance vi = master(spec().version(3).advertIntervalMicros(SECOND).build());
        ports.sent.clear();
        vi.reconfigure(spec().version(3).advertIntervalMicros(100_000).build());
        runUntilMicros(5 * SECOND);
        assertEquals(10, ports.sent.size(), "10 adverts a second from the reload on");
        assertEquals(10, ports.lastSent().advert().advertInterval());
        assertEquals(100_000, vi.masterAdverInterval());
    }

    @Test
    void aV3BackupKeepsTheIntervalItLearnedFromTheMaster() {
        VrrpInstance vi = ports.instance(spec().version(3).build());
        vi.start();
        vi.receivedAdvert(v3(150, 50), PEER_HIGH);
        vi.reconfigure(spec().version(3).advertIntervalMicros(2 * SECOND).build());
        assertEquals(500_000, vi.masterAdverInterval());
    }

    @Test
    void trackedObjectsKeepTheirStatusAndNewOnesStartHealthy() {
        VrrpInstance vi = master(spec().priority(150).track(TrackedObject.trackScript("a", -20)).build());
        vi.scriptResult("a", false);
        assertEquals(130, vi.effectivePriority());
        vi.reconfigure(spec().priority(150).track(TrackedObject.trackScript("a", -20))
                .track(TrackedObject.trackScript("b", -60)).build());
        assertEquals(130, vi.effectivePriority(), "a is still failed, b not failed yet");
        vi.scriptResult("b", false);
        assertEquals(70, vi.effectivePriority());
        assertEquals("(VI_1) Changing effective priority from 130 to 70", ports.log.get(ports.log.size() - 1));
        assertEquals(VrrpState.MASTER, vi.state());
    }

    @Test
    void aNewWeightZeroTrackerThatFailsPutsTheMasterInFault() {
        VrrpInstance vi = master(spec().build());
        vi.reconfigure(spec().track(TrackedObject.trackInterface("eth1", 0)).build());
        assertEquals(VrrpState.MASTER, vi.state());
        vi.interfaceChanged("eth1", false);
        assertEquals(VrrpState.FAULT, vi.state());
    }

    @Test
    void droppingAFailedWeightZeroTrackerLeavesFault() {
        VrrpInstance vi = ports.instance(spec().track(TrackedObject.trackInterface("eth1", 0)).build());
        vi.interfaceChanged("eth1", false);
        vi.start();
        assertEquals(VrrpState.FAULT, vi.state());
        vi.reconfigure(spec().build());
        assertEquals(VrrpState.BACKUP, vi.state());
    }

    @Test
    void anotherVirtualRouterCannotBeReconfiguredInPlace() {
        VrrpInstance vi = ports.instance(spec().build());
        assertThrows(IllegalArgumentException.class,
                () -> vi.reconfigure(InstanceSpec.builder("VI_1", 52, LOCAL).virtualAddress(VIP).build()));
        assertThrows(IllegalArgumentException.class, () -> vi.reconfigure(spec().version(3).build()));
        assertThrows(IllegalArgumentException.class, () -> vi.reconfigure(spec().priority(255).build()));
        assertThrows(IllegalArgumentException.class, () -> vi.reconfigure(spec().interfaceName("eth1").build()));
    }
}
