package org.jkeepalived.vrrp.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.jkeepalived.vrrp.engine.InstanceSpec;
import org.jkeepalived.vrrp.engine.TrackedObject;
import org.jkeepalived.vrrp.engine.VrrpInstance;
import org.jkeepalived.vrrp.engine.VrrpState;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Random LANs under random faults (kills, restarts, partitions, loss, tracked-script flips), one seed
 * per case. While running: no live MASTER may last while a live router of strictly higher effective
 * priority has been reachable, with no loss and nothing else changing, for longer than that router's
 * Master_Down_Interval plus one advert interval and the LAN delay. After the faults stop and the LAN
 * settles: exactly one MASTER per VRID, of the highest effective priority.
 */
class ElectionPropertyTest {
    private static final int EVENTS = 10;
    private static final long CHECK_STEP_MICROS = 10_000;

    static LongStream seeds() {
        return LongStream.range(0, 200);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void oneMasterOfHighestPriorityAfterAnyFaults(long seed) {
        Random rnd = new Random(seed);
        Lab lab = new Lab(seed);
        lab.lan.delayMicros(100, rnd.nextInt(500));
        int routers = 2 + rnd.nextInt(3);
        int vrids = 1 + rnd.nextInt(2);
        List<InstanceSpec.Builder>[] specs = buildSpecs(rnd, routers, vrids);
        for (int r = 0; r < routers; r++) {
            lab.router(r + 1, specs[r].toArray(new InstanceSpec.Builder[0]));
        }
        List<SimRouter> all = lab.lan.routers();
        for (SimRouter r : all) {
            lab.scheduler.schedule(rnd.nextInt(2_000_000) * 1000L, r::startAll);
        }
        long[] lastDisturbance = {2_000_000}; // every router has started by then
        long t = 2_000_000;
        for (int e = 0; e < EVENTS; e++) {
            t += rnd.nextInt(10_000_000);
            runChecking(lab, t, lastDisturbance[0], seed);
            disturb(lab, rnd);
            lastDisturbance[0] = t;
        }
        // settle: heal everything and let the protocol converge
        lab.lan.heal();
        lab.lan.lossPerMillion(0);
        for (SimRouter r : all) {
            if (!r.alive()) {
                r.restart();
            }
            r.instances().forEach(vi -> vi.scriptResult("chk", true));
        }
        runChecking(lab, t + 30_000_000, t, seed);
        for (int vrid = 1; vrid <= vrids; vrid++) {
            int best = 0;
            for (SimRouter r : all) {
                best = Math.max(best, r.instance(vrid).effectivePriority());
            }
            assertEquals(1, lab.masterCount(vrid), "seed " + seed + " vrid " + vrid + " masters");
            assertEquals(best, lab.master(vrid).instance(vrid).effectivePriority(),
                    "seed " + seed + " vrid " + vrid + ": master is not of the highest priority");
        }
    }

    @SuppressWarnings("unchecked")
    private static List<InstanceSpec.Builder>[] buildSpecs(Random rnd, int routers, int vrids) {
        List<InstanceSpec.Builder>[] specs = new List[routers];
        for (int r = 0; r < routers; r++) {
            specs[r] = new ArrayList<>();
        }
        for (int vrid = 1; vrid <= vrids; vrid++) {
            int version = 2 + rnd.nextInt(2);
            long interval = version == 2 ? 1_000_000 : (1 + rnd.nextInt(4)) * 250_000;
            int owner = rnd.nextInt(4) == 0 ? rnd.nextInt(routers) : -1;
            for (int r = 0; r < routers; r++) {
                int priority = r == owner ? 255 : 1 + rnd.nextInt(254);
                specs[r].add(Lab.spec(vrid, r + 1).version(version).advertIntervalMicros(interval)
                        .priority(priority).track(TrackedObject.trackScript("chk", rnd.nextInt(101) - 50)));
            }
        }
        return specs;
    }

    private static void disturb(Lab lab, Random rnd) {
        List<SimRouter> all = lab.lan.routers();
        SimRouter r = all.get(rnd.nextInt(all.size()));
        switch (rnd.nextInt(6)) {
            case 0 -> r.kill();
            case 1 -> {
                if (!r.alive()) {
                    r.restart();
                }
            }
            case 2 -> {
                List<SimRouter> side = new ArrayList<>();
                all.forEach(x -> {
                    if (rnd.nextBoolean()) {
                        side.add(x);
                    }
                });
                lab.lan.partition(side);
            }
            case 3 -> lab.lan.heal();
            case 4 -> lab.lan.lossPerMillion(rnd.nextBoolean() ? 0 : rnd.nextInt(300_000));
            default -> r.instances().forEach(vi -> vi.scriptResult("chk", rnd.nextBoolean()));
        }
    }

    /** Runs to {@code until}, checking the reachability invariant every few milliseconds. */
    private static void runChecking(Lab lab, long until, long stableSince, long seed) {
        for (long now = lab.nowMicros(); now < until; now = Math.min(until, now + CHECK_STEP_MICROS)) {
            lab.runUntilMicros(now);
            if (lab.lan.lossPerMillion() == 0) {
                checkNoStaleMaster(lab, now, stableSince, seed);
            }
        }
        lab.runUntilMicros(until);
    }

    private static void checkNoStaleMaster(Lab lab, long now, long stableSince, long seed) {
        List<SimRouter> all = lab.lan.routers();
        for (SimRouter m : all) {
            for (VrrpInstance vi : m.instances()) {
                if (!m.master(vi.spec().vrid())) {
                    continue;
                }
                for (SimRouter h : all) {
                    VrrpInstance hv = h.instance(vi.spec().vrid());
                    if (h == m || !lab.lan.connected(m, h) || hv.state() == VrrpState.INIT
                            || hv.state() == VrrpState.STOP || hv.effectivePriority() <= vi.effectivePriority()) {
                        continue;
                    }
                    long bound = hv.masterDownInterval() + hv.spec().advertIntervalMicros()
                            + 2 * lab.lan.delayMicros() + CHECK_STEP_MICROS;
                    if (now - stableSince > bound) {
                        fail("seed " + seed + " at " + now + " µs: " + m.name() + " (" + vi.effectivePriority()
                                + ") still MASTER of VRID " + vi.spec().vrid() + " while " + h.name() + " ("
                                + hv.effectivePriority() + ", " + hv.state() + ") reachable since " + stableSince);
                    }
                }
            }
        }
    }
}
