package org.jkeepalived.vrrp.engine;

import static org.jkeepalived.vrrp.engine.Fixtures.PEER_HIGH;
import static org.jkeepalived.vrrp.engine.Fixtures.spec;
import static org.jkeepalived.vrrp.engine.Fixtures.v2;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.jkeepalived.core.time.FakeScheduler;
import org.jkeepalived.vrrp.packet.AuthType;
import org.jkeepalived.vrrp.packet.VrrpAdvert;
import org.junit.jupiter.api.Test;

class SyncGroupTest {
    private final FakeScheduler scheduler = new FakeScheduler();
    private final RecordingPorts ports1 = new RecordingPorts(scheduler);
    private final RecordingPorts ports2 = new RecordingPorts(scheduler);
    private final VrrpInstance vi1 = ports1.instance(spec().track(TrackedObject.trackInterface("eth1", 0)).build());
    private final VrrpInstance vi2 = ports2.instance(InstanceSpec.builder("VI_2", 52, Fixtures.LOCAL).build());
    private final SyncGroup group = new SyncGroup("G1", List.of(vi1, vi2));
    private final List<String> groupStates = new ArrayList<>();

    {
        group.addListener((g, to, from) -> groupStates.add(g + " " + to));
    }

    private static VrrpAdvert vrid52(int priority) {
        return new VrrpAdvert(2, 52, priority, 1, AuthType.NONE, new byte[8], List.of(), 0);
    }

    @Test
    void membersBecomeMasterOnlyWhenAllTimersHaveFired() {
        vi1.start();
        vi2.start();
        // a master is still heard on VRID 52, so VI_1 waits for VI_2
        for (long t = 0; t <= 6_000_000; t += 1_000_000) {
            scheduler.runUntil(t * 1000);
            vi2.receivedAdvert(vrid52(150), PEER_HIGH);
        }
        assertEquals(VrrpState.BACKUP, vi1.state());
        assertEquals(VrrpState.BACKUP, vi2.state());
        scheduler.runUntil((6_000_000 + 3_609_375) * 1000L);
        assertEquals(VrrpState.MASTER, vi1.state());
        assertEquals(VrrpState.MASTER, vi2.state());
        assertEquals(TransitionReason.SYNC_GROUP, ports1.lastTransition().reason());
        assertEquals(TransitionReason.MASTER_DOWN_TIMER, ports2.lastTransition().reason());
        assertEquals(List.of("G1 BACKUP", "G1 MASTER"), groupStates);
    }

    @Test
    void oneMemberYieldingTakesTheOthersToBackup() {
        vi1.start();
        vi2.start();
        scheduler.runUntil(4_000_000_000L);
        assertEquals(VrrpState.MASTER, vi2.state());
        vi1.receivedAdvert(v2(200), PEER_HIGH);
        assertEquals(VrrpState.BACKUP, vi1.state());
        assertEquals(VrrpState.BACKUP, vi2.state());
        assertEquals(List.of("remove VI_2", "install VI_2", "remove VI_2"), ports2.installs);
    }

    @Test
    void faultIsSharedAndClearedTogether() {
        vi1.start();
        vi2.start();
        scheduler.runUntil(4_000_000_000L);
        vi1.interfaceChanged("eth1", false);
        assertEquals(VrrpState.FAULT, vi1.state());
        assertEquals(VrrpState.FAULT, vi2.state());
        assertEquals(0, ports2.lastSent().advert().priority());
        scheduler.advance(10_000_000_000L);
        assertEquals(VrrpState.FAULT, vi2.state());
        vi1.interfaceChanged("eth1", true);
        assertEquals(VrrpState.BACKUP, vi1.state());
        assertEquals(VrrpState.BACKUP, vi2.state());
        assertEquals(List.of("G1 BACKUP", "G1 MASTER", "G1 FAULT", "G1 BACKUP"), groupStates);
    }

    @Test
    void memberStartingWhileAnotherIsFaultyStartsInFault() {
        vi1.interfaceChanged("eth1", false);
        vi1.start();
        vi2.start();
        assertEquals(VrrpState.FAULT, vi2.state());
    }
}
