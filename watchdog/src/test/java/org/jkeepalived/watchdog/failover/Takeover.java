package org.jkeepalived.watchdog.failover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import org.jkeepalived.core.testing.Wait;

/**
 * One measured takeover: the master's last advert on the wire (or its priority-0 advert), when the
 * VIP appeared on the new master, and when the client first saw the new master's GARP or NA.
 */
record Takeover(Frame lastAdvert, long vipAddedMicros, Frame announcement) {
    long delayMicros() {
        return vipAddedMicros - lastAdvert.micros();
    }

    long announceDelayMicros() {
        return announcement.micros() - lastAdvert.micros();
    }

    /** A takeover measured without a client capture (the announcement is the VIP event itself). */
    static Takeover withoutAnnouncement(Frame lastAdvert, long vipAddedMicros) {
        return new Takeover(lastAdvert, vipAddedMicros, new Frame(vipAddedMicros, "", "", ""));
    }

    /** SIGKILLs {@code master} (its VIPs stay, as after a crash) and measures {@code backup} taking over. */
    static Takeover afterCrash(Testbed tb, RouterProcess master, RouterProcess backup) {
        return measure(tb, master, backup, false);
    }

    /** SIGTERMs {@code master} and measures {@code backup} taking over after the priority-0 advert. */
    static Takeover afterTerminate(Testbed tb, RouterProcess master, RouterProcess backup) {
        return measure(tb, master, backup, true);
    }

    private static Takeover measure(Testbed tb, RouterProcess master, RouterProcess backup, boolean graceful) {
        VrrpConfig config = tb.config();
        Capture fromMaster = tb.captureFrom(master.node());
        Capture atClient = tb.captureAtClient();
        AddressMonitor monitor = tb.monitor(backup.node());
        Duration interval = Duration.ofMillis(config.advertCentis() * 10L);
        assertTrue(Wait.until(interval.multipliedBy(4).plusSeconds(1), Duration.ofMillis(10),
                        () -> fromMaster.frames(Frame::isAdvert).size() >= 2),
                "master sends no adverts: " + fromMaster.file());
        long stoppedAt = Testbed.nowMicros();
        if (graceful) {
            master.terminate();
        } else {
            master.crash();
        }
        Duration bound = Duration.ofNanos(config.masterDownMicros(1) * 1_000).plusSeconds(3);
        Optional<Long> vip = monitor.waitForAdded(tb.vip(), stoppedAt, bound);
        assertTrue(vip.isPresent(), backup + " did not install " + tb.vip() + " within " + bound + "\n" + backup.tail());
        Frame last;
        if (graceful) {
            last = fromMaster.waitFor(f -> f.isAdvert() && f.priority() == 0, Duration.ofSeconds(2))
                    .orElseThrow(() -> new AssertionError("no priority-0 advert from " + master + " in "
                            + fromMaster.file() + "\n" + master.tail()));
            assertEquals(Optional.of(0), master.waitForExit(Duration.ofSeconds(15)), master + " exit code");
        } else {
            last = Testbed.lastAdvertBefore(fromMaster, vip.get());
        }
        Frame announced = atClient.waitFor(f -> f.announces(tb.vip()) && f.micros() >= stoppedAt, Duration.ofSeconds(3))
                .orElseThrow(() -> new AssertionError("client saw no GARP/NA for " + tb.vip() + " in " + atClient.file()));
        Takeover t = new Takeover(last, vip.get(), announced);
        System.out.printf("%s -> %s (%s, %s): VIP %.1f ms after the %s advert, GARP/NA at the client %.1f ms%n",
                master, backup.node().role(), config, graceful ? "SIGTERM" : "SIGKILL", t.delayMicros() / 1000.0,
                graceful ? "priority-0" : "last", t.announceDelayMicros() / 1000.0);
        return t;
    }

    /** Asserts the takeover came within [bound - 20 ms, bound + tolerance] of the reference advert. */
    void assertWithin(long boundMicros, String what) {
        String msg = what + ": VIP " + delayMicros() / 1000.0 + " ms after the advert at " + lastAdvert.micros()
                + ", bound " + boundMicros / 1000.0 + " ms (+" + Testbed.TOLERANCE_MICROS / 1000 + " ms tolerance)";
        assertTrue(delayMicros() <= boundMicros + Testbed.TOLERANCE_MICROS, msg);
        assertTrue(delayMicros() >= boundMicros - 20_000, "too early: " + msg);
    }
}
