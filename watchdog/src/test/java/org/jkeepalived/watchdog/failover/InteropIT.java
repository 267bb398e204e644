package org.jkeepalived.watchdog.failover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jkeepalived.core.testing.Command;
import org.jkeepalived.core.testing.Daemon;
import org.jkeepalived.core.testing.Wait;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * jkeepalived and Debian's keepalived 2.2.7 on one LAN, in both roles: the higher priority wins
 * whichever program it runs, a crash of the master hands over within Master_Down_Interval, and the
 * restarted master preempts back; plus one 60-second steady state with no spurious transition.
 */
class InteropIT {
    private Testbed tb;

    @BeforeAll
    static void requirements() {
        assumeTrue(Command.isRoot(), "needs root for network namespaces");
        assumeTrue(Command.available("tcpdump"), "needs tcpdump");
        assumeTrue(Command.available("keepalived"), "needs keepalived (bin/install-test-deps)");
    }

    @AfterEach
    void teardown() {
        if (tb != null) {
            tb.close();
            tb = null;
        }
    }

    static Stream<Arguments> cases() {
        List<VrrpConfig> configs = List.of(VrrpConfig.v2(), VrrpConfig.v2().withPassAuth(), VrrpConfig.v3(4),
                VrrpConfig.v3(6), VrrpConfig.v2().withUnicast());
        List<Arguments> all = new ArrayList<>();
        for (VrrpConfig c : configs) {
            all.add(Arguments.of(c, Daemon.JKEEPALIVED, Daemon.KEEPALIVED));
            all.add(Arguments.of(c, Daemon.KEEPALIVED, Daemon.JKEEPALIVED));
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0}: {1} master, {2} backup")
    @MethodSource("cases")
    void higherPriorityWinsAndFailoverWorksBothWays(VrrpConfig config, Daemon high, Daemon low) {
        tb = Testbed.create(2, config, "interop-" + config.toString().replace(' ', '-') + "-" + high + "-master");
        RouterProcess r1 = tb.start(1, high, 150);
        RouterProcess r2 = tb.start(2, low, 100);
        tb.awaitRoles(r1, List.of(r2), Testbed.STARTUP);
        tb.learnVip(r1.node().mac());

        Takeover t = Takeover.afterCrash(tb, r1, r2);
        t.assertWithin(config.masterDownMicros(100), low + " taking over from crashed " + high);
        tb.awaitRoles(r2, List.of(), Duration.ofSeconds(2));
        tb.awaitClientNeighbour(r2.node().mac(), Duration.ofSeconds(3));

        // The other way: the restarted higher priority preempts the lower one.
        RouterProcess again = tb.start(1, high, 150);
        tb.awaitRoles(again, List.of(r2), Testbed.STARTUP);
        tb.awaitClientNeighbour(r1.node().mac(), Duration.ofSeconds(3));
        assertTrue(tb.lan().reach(tb.vip()), "client reaches the VIP after preemption");
    }

    @Test
    void steadyStateHasNoSpuriousTransitionsFor60Seconds() {
        VrrpConfig config = VrrpConfig.v2();
        tb = Testbed.create(2, config, "interop-steady-state");
        RouterProcess r1 = tb.start(1, Daemon.JKEEPALIVED, 150);
        RouterProcess r2 = tb.start(2, Daemon.KEEPALIVED, 100);
        tb.awaitRoles(r1, List.of(r2), Testbed.STARTUP);
        Capture fromMaster = tb.captureFrom(r1.node());
        Capture fromBackup = tb.captureFrom(r2.node());
        int mark1 = r1.mark();
        int mark2 = r2.mark();
        long from = Testbed.nowMicros();
        Wait.sleep(Duration.ofSeconds(60));
        long to = Testbed.nowMicros();

        assertEquals(0, r1.count(mark1, Testbed.ANY_STATE), "master changed state\n" + r1.tail());
        assertEquals(0, r2.count(mark2, Testbed.ANY_STATE), "backup changed state\n" + r2.tail());
        assertEquals(List.of(), fromBackup.frames(Frame::isAdvert), "the backup must not advertise");
        List<Frame> adverts = fromMaster.frames(f -> f.isAdvert() && f.micros() >= from && f.micros() <= to);
        assertTrue(adverts.size() >= 58, "master sent " + adverts.size() + " adverts in 60 s");
        long maxGap = 0;
        for (int i = 1; i < adverts.size(); i++) {
            maxGap = Math.max(maxGap, adverts.get(i).micros() - adverts.get(i - 1).micros());
        }
        System.out.printf("steady state: %d adverts in 60 s, largest gap %.1f ms%n", adverts.size(), maxGap / 1000.0);
        assertTrue(maxGap < 1_200_000, "largest gap between adverts " + maxGap / 1000 + " ms (advert_int 1 s)");
        tb.awaitRoles(r1, List.of(r2), Duration.ofSeconds(1));
    }
}
