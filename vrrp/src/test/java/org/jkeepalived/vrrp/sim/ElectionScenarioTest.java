package org.jkeepalived.vrrp.sim;

import static org.jkeepalived.vrrp.sim.Lab.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import org.jkeepalived.vrrp.engine.InstanceSpec;
import org.jkeepalived.vrrp.engine.TransitionReason;
import org.jkeepalived.vrrp.engine.VrrpInstance;
import org.jkeepalived.vrrp.engine.VrrpState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Elections and failovers on a simulated LAN, timed to the microsecond in virtual time. */
class ElectionScenarioTest {
    private final Lab lab = new Lab(1);

    /** Virtual times (µs) at which the instance entered MASTER. */
    private static List<Long> masterTimes(Lab lab, VrrpInstance vi) {
        List<Long> times = new ArrayList<>();
        vi.addListener((name, to, from, reason, priority) -> {
            if (to == VrrpState.MASTER) {
                times.add(lab.nowMicros());
            }
        });
        return times;
    }

    @Test
    void highestPriorityWinsAtStartup() {
        SimRouter r1 = lab.router(1, spec(7, 1).priority(200));
        SimRouter r2 = lab.router(2, spec(7, 2).priority(150));
        SimRouter r3 = lab.router(3, spec(7, 3).priority(100));
        List<Long> times = masterTimes(lab, r1.instance(7));
        lab.lan.routers().forEach(SimRouter::startAll);
        lab.runUntilMicros(30_000_000);
        assertSame(r1, lab.master(7));
        // Master_Down_Interval for priority 200: 3 s + 56/256 s
        assertEquals(List.of(3_218_750L), times);
        assertEquals(VrrpState.BACKUP, r2.instance(7).state());
        assertEquals(VrrpState.BACKUP, r3.instance(7).state());
        assertEquals(0, r2.decodeErrors() + r3.decodeErrors());
    }

    @Test
    void equalPrioritiesStartedTogetherElectTheHighestAddress() {
        lab.router(1, spec(7, 1));
        lab.router(2, spec(7, 2));
        SimRouter r3 = lab.router(3, spec(7, 3));
        lab.lan.routers().forEach(SimRouter::startAll);
        lab.runUntilMicros(3_609_375);
        assertEquals(3, lab.masterCount(7), "all time out together");
        lab.runUntilMicros(3_609_375 + 100);
        assertSame(r3, lab.master(7));
        lab.runUntilMicros(60_000_000);
        assertSame(r3, lab.master(7));
    }

    @Test
    void addressOwnerTakesOverAtOnce() {
        SimRouter backup = lab.router(1, spec(7, 1).priority(100));
        SimRouter owner = lab.router(2, spec(7, 2).priority(255));
        List<TransitionReason> reasons = new ArrayList<>();
        owner.instance(7).addListener((name, to, from, reason, priority) -> reasons.add(reason));
        backup.startAll();
        lab.runUntilMicros(10_000_000);
        assertSame(backup, lab.master(7));
        owner.startAll();
        assertEquals(VrrpState.MASTER, owner.instance(7).state());
        lab.runUntilMicros(10_000_100);
        assertSame(owner, lab.master(7));
        assertEquals(List.of(TransitionReason.ADDRESS_OWNER), reasons);
        assertEquals(VrrpState.BACKUP, backup.instance(7).state());
    }

    /**
     * The owner advertises every interval from 0; the LAN delays 100 µs. Killed half an interval after
     * its last advert at or before 10.5 s, that advert reached the backup 100 µs after it was sent, so
     * the backup becomes MASTER exactly Master_Down_Interval later.
     */
    @ParameterizedTest(name = "v{0} interval {1} µs, backup priority {2}: master at {3} µs")
    @CsvSource({
        "2, 1000000, 100, 13609475",
        "2, 1000000, 254, 13007912",
        "2, 1000000, 1, 13996193",
        "2, 3000000, 100, 18609475",
        "3, 1000000, 100, 13609475",
        "3, 500000, 100, 12304787",
        "3, 100000, 200, 10821975",
    })
    void backupTakesOverExactlyMasterDownIntervalAfterTheLastAdvert(int version, long interval, int priority,
                                                                    long expected) {
        SimRouter master = lab.router(2, spec(7, 2).version(version).advertIntervalMicros(interval).priority(255));
        SimRouter backup = lab.router(1, spec(7, 1).version(version).advertIntervalMicros(interval)
                .priority(priority));
        List<Long> times = masterTimes(lab, backup.instance(7));
        master.startAll();
        backup.startAll();
        long lastAdvert = interval * (10_500_000 / interval);
        lab.runUntilMicros(lastAdvert + interval / 2);
        master.kill();
        lab.runUntilMicros(expected - 1);
        assertEquals(List.of(), times);
        lab.runUntilMicros(expected);
        assertEquals(List.of(expected), times);
        assertEquals(lastAdvert + 100 + backup.instance(7).masterDownInterval(), expected);
    }

    /** A stopping master sends priority 0: the backup waits only Skew_Time. */
    @ParameterizedTest(name = "v{0} priority {1}: master at {2} µs")
    @CsvSource({
        "2, 100, 10609475",
        "2, 254, 10007912",
        "3, 100, 10609475",
        "3, 1, 10996193",
    })
    void priorityZeroHandover(int version, int priority, long expected) {
        SimRouter master = lab.router(2, spec(7, 2).version(version).priority(255));
        SimRouter backup = lab.router(1, spec(7, 1).version(version).priority(priority));
        List<Long> times = masterTimes(lab, backup.instance(7));
        master.startAll();
        backup.startAll();
        lab.runUntilMicros(10_000_000);
        master.instance(7).stop();
        lab.runUntilMicros(expected - 1);
        assertEquals(List.of(), times);
        lab.runUntilMicros(expected);
        assertEquals(List.of(expected), times);
        assertNotNull(lab.master(7));
    }

    @Test
    void v3BackupUsesTheIntervalLearnedFromTheMaster() {
        SimRouter master = lab.router(2, spec(7, 2).version(3).advertIntervalMicros(500_000).priority(255));
        SimRouter backup = lab.router(1, spec(7, 1).version(3).advertIntervalMicros(2_000_000).priority(100));
        List<Long> times = masterTimes(lab, backup.instance(7));
        master.startAll();
        backup.startAll();
        lab.runUntilMicros(10_250_000);
        assertEquals(500_000, backup.instance(7).masterAdverInterval());
        master.kill();
        lab.runUntilMicros(20_000_000);
        // last advert sent at 10 s, heard at 10.0001 s; 3 × 0.5 s + 156 × 0.5 s / 256
        assertEquals(List.of(10_000_100L + 1_500_000 + 304_687), times);
    }

    @Test
    void ipv6ElectionOverTheRealCodec() {
        InetAddress a1 = literal6(1);
        InetAddress a2 = literal6(2);
        InetAddress vip = literal6(0x100);
        SimRouter r1 = lab.lan.addRouter("R1", a1);
        SimRouter r2 = lab.lan.addRouter("R2", a2);
        r1.addInstance(InstanceSpec.builder("VI_6", 9, a1).version(3)
                .virtualAddress(vip).priority(120).build());
        r2.addInstance(InstanceSpec.builder("VI_6", 9, a2).version(3)
                .virtualAddress(vip).priority(110).build());
        r1.startAll();
        r2.startAll();
        lab.runUntilMicros(30_000_000);
        assertEquals(VrrpState.MASTER, r1.instance(9).state());
        assertEquals(VrrpState.BACKUP, r2.instance(9).state());
        assertEquals(0, r1.decodeErrors() + r2.decodeErrors());
        assertEquals(r1.address(), r2.instance(9).masterAddress());
    }

    private static InetAddress literal6(int last) {
        byte[] b = new byte[16];
        b[0] = (byte) 0xfe;
        b[1] = (byte) 0x80;
        b[14] = (byte) (last >> 8);
        b[15] = (byte) last;
        try {
            return InetAddress.getByAddress(b);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
