package org.jkeepalived.vrrp.engine;

import static org.jkeepalived.vrrp.engine.Fixtures.LOCAL;
import static org.jkeepalived.vrrp.engine.Fixtures.PEER_HIGH;
import static org.jkeepalived.vrrp.engine.Fixtures.PEER_LOW;
import static org.jkeepalived.vrrp.engine.Fixtures.spec;
import static org.jkeepalived.vrrp.engine.Fixtures.v2;
import static org.jkeepalived.vrrp.engine.Fixtures.v3;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jkeepalived.core.time.FakeScheduler;
import org.jkeepalived.vrrp.packet.AuthType;
import org.jkeepalived.vrrp.packet.VrrpAdvert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VrrpInstanceTest {
    private final FakeScheduler scheduler = new FakeScheduler();
    private final RecordingPorts ports = new RecordingPorts(scheduler);

    private void runUntilMicros(long micros) {
        scheduler.runUntil(micros * 1000);
    }

    @Test
    void ownerBecomesMasterAtOnceAndAnnounces() {
        VrrpInstance vi = ports.instance(spec().priority(255).build());
        vi.start();
        assertEquals(VrrpState.MASTER, vi.state());
        assertEquals(new RecordingPorts.Transition(0, VrrpState.MASTER, VrrpState.INIT,
                TransitionReason.ADDRESS_OWNER, 255), ports.lastTransition());
        assertEquals(List.of("install VI_1"), ports.installs);
        assertEquals(255, ports.lastSent().advert().priority());
        assertEquals(VrrpGroups.IPV4, ports.lastSent().destination());
        assertEquals(List.of("(VI_1) Entering MASTER STATE (init)", "(VI_1) setting VIPs.",
                "(VI_1) Sending/queueing gratuitous ARPs on eth0 for 198.51.100.10"), ports.log);
        runUntilMicros(5_000_000);
        // garp_master_repeat 5 now and garp_master_delay 5 s later (keepalived's defaults)
        assertEquals(List.of(0L, 5_000_000L), ports.announceTimes);
        assertEquals(List.of(5, 5), ports.announceRepeats);
        // an advert every advert_int
        assertEquals(6, ports.sent.size());
        assertEquals(5_000_000, ports.lastSent().atMicros());
    }

    @Test
    void whatMustPrecedeTheVipsComesBeforeTheSettingVipsLine() {
        // keepalived 2.2.7 -D: "(VI_1) setting firewall drop rule" and then "(VI_1) setting VIPs."
        VrrpInstance vi = ports.instance(spec().priority(255).build());
        vi.start();
        assertEquals(List.of("(VI_1) Entering MASTER STATE (init)", "beforeInstall VI_1", "(VI_1) setting VIPs.",
                "install VI_1"), ports.sequence.subList(0, 4));
    }

    @ParameterizedTest(name = "v{0} priority {1} interval {2} µs -> master at {3} µs")
    @CsvSource({
        // v2: 3 s + (256-p)/256 s, truncated to whole microseconds as keepalived computes it
        "2, 100, 1000000, 3609375",
        "2, 1, 1000000, 3996093",
        "2, 254, 1000000, 3007812",
        "2, 128, 2000000, 6500000",
        // v3: 3 × interval + (256-p) × interval / 256
        "3, 100, 1000000, 3609375",
        "3, 100, 500000, 1804687",
        "3, 200, 10000, 32187",
        "3, 1, 40950000, 163640039",
    })
    void backupBecomesMasterAfterExactlyMasterDownInterval(int version, int priority, long interval,
                                                           long expected) {
        VrrpInstance vi = ports.instance(spec().version(version).priority(priority)
                .advertIntervalMicros(interval).build());
        vi.start();
        assertEquals(VrrpState.BACKUP, vi.state());
        assertEquals(List.of("(VI_1) removing VIPs.", "(VI_1) Entering BACKUP STATE (init)"), ports.log);
        assertEquals(expected, vi.masterDownInterval());
        runUntilMicros(expected - 1);
        assertEquals(VrrpState.BACKUP, vi.state());
        runUntilMicros(expected);
        assertEquals(VrrpState.MASTER, vi.state());
        assertEquals(TransitionReason.MASTER_DOWN_TIMER, ports.lastTransition().reason());
        // the sequence keepalived 2.2.7 logs (checked in a network namespace)
        assertEquals(List.of("(VI_1) removing VIPs.", "(VI_1) Entering BACKUP STATE (init)",
                "(VI_1) Receive advertisement timeout", "(VI_1) Entering MASTER STATE", "(VI_1) setting VIPs.",
                "(VI_1) Sending/queueing gratuitous ARPs on eth0 for 198.51.100.10"), ports.log);
    }

    @Test
    void acceptedAdvertRestartsTheDownTimer() {
        VrrpInstance vi = ports.instance(spec().build());
        vi.start();
        runUntilMicros(3_000_000);
        vi.receivedAdvert(v2(150), PEER_HIGH);
        runUntilMicros(3_000_000 + 3_609_374);
        assertEquals(VrrpState.BACKUP, vi.state());
        runUntilMicros(3_000_000 + 3_609_375);
        assertEquals(VrrpState.MASTER, vi.state());
        assertEquals(PEER_HIGH.getHostAddress(), "192.0.2.2");
    }

    @Test
    void priorityZeroCutsTheWaitToSkewTime() {
        VrrpInstance vi = ports.instance(spec().build());
        vi.start();
        runUntilMicros(1_000_000);
        vi.receivedAdvert(v2(150), PEER_HIGH);
        runUntilMicros(1_500_000);
        vi.receivedAdvert(v2(0), PEER_HIGH);
        assertEquals(609_375, vi.skewTime());
        runUntilMicros(1_500_000 + 609_374);
        assertEquals(VrrpState.BACKUP, vi.state());
        runUntilMicros(1_500_000 + 609_375);
        assertEquals(VrrpState.MASTER, vi.state());
        assertTrue(ports.log.contains("(VI_1) Backup received priority 0 advertisement"));
        assertEquals(1, vi.counters().priorityZeroReceived());
    }

    @Test
    void v3BackupLearnsTheMastersInterval() {
        VrrpInstance vi = ports.instance(spec().version(3).priority(100).build());
        vi.start();
        vi.receivedAdvert(v3(200, 50), PEER_HIGH);
        assertEquals(500_000, vi.masterAdverInterval());
        assertEquals(1_500_000 + 304_687, vi.masterDownInterval());
        assertTrue(ports.log.contains("(VI_1) advertisement interval updated from 1000ms to 500ms by master"));
        runUntilMicros(1_804_687);
        assertEquals(VrrpState.MASTER, vi.state());
        assertEquals(100, ports.lastSent().advert().advertInterval());
    }

    @Test
    void v2AdvertWithAnotherIntervalIsDiscarded() {
        VrrpInstance vi = ports.instance(spec().build());
        vi.start();
        runUntilMicros(3_000_000);
        vi.receivedAdvert(new VrrpAdvert(2, 51, 150, 2,
                AuthType.NONE, new byte[8], List.of(Fixtures.VIP), 0), PEER_HIGH);
        runUntilMicros(3_609_375);
        assertEquals(VrrpState.MASTER, vi.state());
        assertEquals(1, vi.counters().advertIntervalErrors());
        assertTrue(ports.log.contains("(VI_1) advertisement interval mismatch mine=1 sec rcv'd=2 sec"));
    }

    private VrrpInstance master(InstanceSpec spec) {
        VrrpInstance vi = ports.instance(spec);
        vi.start();
        runUntilMicros(vi.masterDownInterval());
        assertEquals(VrrpState.MASTER, vi.state());
        return vi;
    }

    @Test
    void masterYieldsToHigherPriority() {
        VrrpInstance vi = master(spec().build());
        int sent = ports.sent.size();
        vi.receivedAdvert(v2(150), PEER_LOW);
        assertEquals(VrrpState.BACKUP, vi.state());
        assertEquals(TransitionReason.HIGHER_PRIORITY_ADVERT, ports.lastTransition().reason());
        assertEquals(sent, ports.sent.size(), "no advert unless higher_prio_send_advert");
        assertEquals(List.of("remove VI_1", "install VI_1", "remove VI_1"), ports.installs);
        assertTrue(ports.log.contains("(VI_1) Master received advert from 192.0.2.0 with higher priority 150, ours 100"));
        assertEquals(PEER_LOW, vi.masterAddress());
    }

    @Test
    void higherPrioSendAdvertAdvertisesBeforeYielding() {
        VrrpInstance vi = master(spec().higherPrioSendAdvert(true).build());
        int sent = ports.sent.size();
        vi.receivedAdvert(v2(150), PEER_LOW);
        assertEquals(sent + 1, ports.sent.size());
        assertEquals(100, ports.lastSent().advert().priority());
    }

    @Test
    void equalPriorityTieBrokenByPrimaryAddress() {
        VrrpInstance vi = master(spec().build());
        vi.receivedAdvert(v2(100), PEER_LOW);
        assertEquals(VrrpState.MASTER, vi.state());
        vi.receivedAdvert(v2(100), PEER_HIGH);
        assertEquals(VrrpState.BACKUP, vi.state());
        assertEquals(TransitionReason.HIGHER_ADDRESS_ADVERT, ports.lastTransition().reason());
        assertTrue(ports.log.contains(
                "(VI_1) Master received advert from 192.0.2.2 with same priority 100 but higher IP address than ours"));
    }

    @Test
    void masterReassertsOnLowerPriorityAdvert() {
        VrrpInstance vi = master(spec().build());
        long now = ports.now();
        int sent = ports.sent.size();
        vi.receivedAdvert(v2(90), PEER_HIGH);
        assertEquals(VrrpState.MASTER, vi.state());
        assertEquals(sent + 1, ports.sent.size());
        assertEquals(now, ports.lastSent().atMicros());
        assertEquals(1, ports.lowerPriorityNotices);
        assertTrue(ports.log.contains(
                "(VI_1) Received advert from 192.0.2.2 with lower priority 90, ours 100, forcing new election"));
        assertEquals(now, ports.announceTimes.get(ports.announceTimes.size() - 1), "garp_lower_prio_repeat burst");
    }

    @Test
    void lowerPrioNoAdvertFollowsTheRfc() {
        VrrpInstance vi = master(spec().lowerPrioNoAdvert(true).build());
        int sent = ports.sent.size();
        vi.receivedAdvert(v2(90), PEER_HIGH);
        assertEquals(sent, ports.sent.size());
        assertTrue(ports.log.contains("(VI_1) Received advert from 192.0.2.2 with lower priority 90, ours 100"));
    }

    @Test
    void masterAnswersPriorityZeroAtOnce() {
        VrrpInstance vi = master(spec().build());
        int sent = ports.sent.size();
        vi.receivedAdvert(v2(0), PEER_HIGH);
        assertEquals(sent + 1, ports.sent.size());
        assertEquals(VrrpState.MASTER, vi.state());
    }

    @Test
    void preemptingBackupDiscardsLowerPriority() {
        VrrpInstance vi = ports.instance(spec().priority(150).build());
        vi.start();
        for (long t = 0; t < 10_000_000; t += 1_000_000) {
            runUntilMicros(t);
            vi.receivedAdvert(v2(100), PEER_HIGH);
        }
        assertEquals(VrrpState.MASTER, vi.state());
        assertEquals(vi.masterDownInterval(), ports.lastTransition().atMicros());
        assertTrue(ports.log.contains("(VI_1) received lower priority (100) advert from 192.0.2.2 - discarding"));
    }

    @Test
    void nopreemptBackupStaysBackup() {
        VrrpInstance vi = ports.instance(spec().priority(150).preempt(false).build());
        vi.start();
        for (long t = 0; t < 20_000_000; t += 1_000_000) {
            runUntilMicros(t);
            vi.receivedAdvert(v2(100), PEER_HIGH);
        }
        assertEquals(VrrpState.BACKUP, vi.state());
    }

    @Test
    void preemptDelayDefersTakeover() {
        VrrpInstance vi = ports.instance(spec().priority(150).preemptDelayMicros(5_000_000).build());
        vi.start();
        // adverts from a lower master every second from t=0: the preempt delay starts at t=0 and ends at
        // t=5 s; the advert at t=5 s is the first discarded, so the timer last reset at t=4 s fires
        // Master_Down_Interval later.
        for (long t = 0; t < 20_000_000 && vi.state() == VrrpState.BACKUP; t += 1_000_000) {
            runUntilMicros(t);
            vi.receivedAdvert(v2(100), PEER_HIGH);
        }
        runUntilMicros(20_000_000);
        assertEquals(VrrpState.MASTER, vi.state());
        assertEquals(4_000_000 + 3_000_000 + 106 * 1_000_000 / 256, ports.lastTransition().atMicros());
        assertTrue(ports.log.contains("(VI_1) start preempt delay (5.000000)"));
    }

    @Test
    void preemptDelayAlsoDelaysTakeoverAtStartup() {
        VrrpInstance vi = ports.instance(spec().priority(128).preemptDelayMicros(2_000_000).build());
        vi.start();
        runUntilMicros(10_000_000);
        assertEquals(5_500_000, ports.lastTransition().atMicros());
    }

    @Test
    void stopSendsPriorityZeroAndRemovesAddresses() {
        VrrpInstance vi = master(spec().build());
        vi.stop();
        assertEquals(VrrpState.STOP, vi.state());
        assertEquals(0, ports.lastSent().advert().priority());
        assertEquals(List.of("remove VI_1", "install VI_1", "remove VI_1"), ports.installs);
        assertTrue(ports.log.contains("(VI_1) sent 0 priority"));
        int sent = ports.sent.size();
        runUntilMicros(60_000_000);
        assertEquals(sent, ports.sent.size(), "no timers left running");
        assertEquals(0, scheduler.pending());
    }

    @Test
    void unicastPeersEachGetTheAdvert() {
        VrrpInstance vi = ports.instance(spec().priority(255).unicastPeer(PEER_LOW).unicastPeer(PEER_HIGH).build());
        vi.start();
        assertEquals(List.of(PEER_LOW, PEER_HIGH), ports.sent.stream().map(RecordingPorts.Sent::destination).toList());
        assertEquals(2, vi.counters().advertsSent());
    }

    @Test
    void downTimerAdvertsScalesMasterDownInterval() {
        VrrpInstance vi = ports.instance(spec().downTimerAdverts(10).build());
        vi.start();
        assertEquals(10_609_375, vi.masterDownInterval());
    }

    @Test
    void steadyStateReusesTheSameAdvert() {
        VrrpInstance vi = master(spec().build());
        runUntilMicros(20_000_000);
        int n = ports.sent.size();
        assertSame(ports.sent.get(n - 1).advert(), ports.sent.get(n - 2).advert());
        assertSame(vi.currentAdvert(), ports.lastSent().advert());
    }

    @Test
    void ownAdvertIsIgnored() {
        VrrpInstance vi = master(spec().build());
        vi.receivedAdvert(v2(100), LOCAL);
        assertEquals(VrrpState.MASTER, vi.state());
        assertEquals(1, vi.counters().ownAdvertsDropped());
    }

    @Test
    void masterTimerGarpRefresh() {
        GarpSettings garp = new GarpSettings(0, 1, 60_000_000, 2, 0, 0);
        master(spec().priority(255).garp(garp).build());
        runUntilMicros(180_000_000);
        assertEquals(List.of(0L, 60_000_000L, 120_000_000L, 180_000_000L), ports.announceTimes);
        assertEquals(List.of(1, 2, 2, 2), ports.announceRepeats);
    }

    @Test
    void secondAddressOwnerMakesTheMasterLowerItselfAndYield() {
        // keepalived 2.2.7, two nodes at priority 255 on one VRID (checked in namespaces)
        VrrpInstance vi = ports.instance(spec().priority(255).build());
        vi.start();
        ports.log.clear();
        vi.receivedAdvert(v2(255), PEER_LOW);
        assertEquals(VrrpState.BACKUP, vi.state());
        assertEquals(List.of("(VI_1) CONFIGURATION ERROR: local instance and a remote instance are both configured"
                + " as address owner, please fix - reducing local priority",
                "(VI_1) Master received advert from 192.0.2.0 with higher priority 255, ours 254",
                "(VI_1) Entering BACKUP STATE"), ports.log.subList(0, 3));
    }
}
