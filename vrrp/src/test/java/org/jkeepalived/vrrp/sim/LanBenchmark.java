package org.jkeepalived.vrrp.sim;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.jkeepalived.core.time.FakeScheduler;
import org.jkeepalived.vrrp.engine.AddressInstaller;
import org.jkeepalived.vrrp.engine.InstanceSpec;
import org.jkeepalived.vrrp.engine.VrrpInstance;
import org.jkeepalived.vrrp.engine.VrrpState;
import org.jkeepalived.vrrp.packet.AdvertTemplate;
import org.jkeepalived.vrrp.packet.VrrpAdvert;

/**
 * Benchmark (a main, not a test): 255 VRIDs × 3 routers on the simulated LAN for one virtual hour,
 * then the engine's own advert paths in isolation. Prints wall time and bytes allocated by this
 * thread. Run after {@code mvn -q -o -pl vrrp -am test-compile}:
 * <pre>java -cp vrrp/target/test-classes:vrrp/target/classes:core/target/classes:core/target/test-classes:$SLF4J \
 *     org.jkeepalived.vrrp.sim.LanBenchmark</pre>
 */
public final class LanBenchmark {
    private static final long HOUR_NANOS = 3_600_000_000_000L;
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private LanBenchmark() {
    }

    public static void main(String[] args) {
        for (int round = 0; round < 2; round++) {
            System.out.println(round == 0 ? "warm-up:" : "measured:");
            lan();
            sendPath();
            receivePath();
        }
    }

    private static long allocated() {
        return THREADS.getThreadAllocatedBytes(Thread.currentThread().getId());
    }

    /** The whole LAN: engine, template encode, copy per receiver, full decode, virtual-time queue. */
    private static void lan() {
        FakeScheduler scheduler = new FakeScheduler();
        SimLan lan = new SimLan(scheduler, 42);
        List<SimRouter> routers = new ArrayList<>();
        for (int r = 1; r <= 3; r++) {
            List<InstanceSpec.Builder> specs = new ArrayList<>();
            for (int vrid = 1; vrid <= 255; vrid++) {
                specs.add(Lab.spec(vrid, r).priority(100 + 50 * ((vrid + r) % 3)));
            }
            SimRouter router = lan.addRouter("R" + r, Lab.ip(r));
            specs.forEach(b -> router.addInstance(b.build()));
            routers.add(router);
        }
        routers.forEach(SimRouter::startAll);
        scheduler.advance(60_000_000_000L);
        long a0 = allocated();
        long t0 = System.nanoTime();
        long p0 = lan.packetsSent();
        scheduler.advance(HOUR_NANOS);
        long wall = System.nanoTime() - t0;
        long bytes = allocated() - a0;
        long packets = lan.packetsSent() - p0;
        int masters = 0;
        for (SimRouter r : routers) {
            for (VrrpInstance vi : r.instances()) {
                masters += vi.state() == VrrpState.MASTER ? 1 : 0;
            }
        }
        System.out.printf("  LAN 255 VRIDs x 3 routers, 1 virtual hour: %d ms wall, %d adverts sent, %d masters, "
                        + "%d bytes allocated (%d per advert sent, incl. 2 deliveries + decodes)%n",
                wall / 1_000_000, packets, masters, bytes, packets == 0 ? 0 : bytes / packets);
    }

    /** MASTER send path alone: 255 owners, each advert template-encoded into one reused buffer. */
    private static void sendPath() {
        FakeScheduler scheduler = new FakeScheduler();
        ByteBuffer buffer = ByteBuffer.allocate(1500);
        InetAddress self = Lab.ip(1);
        long[] sent = {0};
        List<VrrpInstance> instances = new ArrayList<>();
        for (int vrid = 1; vrid <= 255; vrid++) {
            AdvertTemplate[] template = {null};
            VrrpInstance vi = new VrrpInstance(Lab.spec(vrid, 1).priority(255).build(), scheduler,
                    (advert, dst) -> {
                        if (template[0] == null) {
                            template[0] = AdvertTemplate.of(advert, self, dst, false);
                        }
                        buffer.clear();
                        template[0].encode(advert.priority(), buffer);
                        sent[0]++;
                    }, NO_ADDRESSES, (spec, repeat) -> { });
            instances.add(vi);
        }
        instances.forEach(VrrpInstance::start);
        scheduler.advance(60_000_000_000L);
        long a0 = allocated();
        long s0 = sent[0];
        long t0 = System.nanoTime();
        scheduler.advance(HOUR_NANOS);
        long wall = System.nanoTime() - t0;
        long bytes = allocated() - a0;
        long n = sent[0] - s0;
        System.out.printf("  send path, 255 masters, 1 virtual hour: %d ms wall, %d adverts, %d bytes allocated "
                + "(%d per advert: FakeScheduler's task per Adver_Timer)%n", wall / 1_000_000, n, bytes, bytes / n);
    }

    /** BACKUP receive path alone: one decoded advert handed to 255 backups, 1000 rounds. */
    private static void receivePath() {
        FakeScheduler scheduler = new FakeScheduler();
        List<VrrpInstance> instances = new ArrayList<>();
        List<VrrpAdvert> adverts = new ArrayList<>();
        for (int vrid = 1; vrid <= 255; vrid++) {
            VrrpInstance vi = new VrrpInstance(Lab.spec(vrid, 1).priority(100).build(), scheduler,
                    (advert, dst) -> { }, NO_ADDRESSES, (spec, repeat) -> { });
            vi.start();
            instances.add(vi);
            adverts.add(VrrpAdvert.v2(vrid, 200, 1, org.jkeepalived.vrrp.packet.AuthType.NONE, null,
                    List.of(Lab.vip(vrid))));
        }
        InetAddress master = Lab.ip(2);
        long a0 = allocated();
        long t0 = System.nanoTime();
        int rounds = 1000;
        for (int round = 0; round < rounds; round++) {
            for (int i = 0; i < instances.size(); i++) {
                instances.get(i).receivedAdvert(adverts.get(i), master);
            }
            scheduler.advance(1_000_000_000L);
        }
        long wall = System.nanoTime() - t0;
        long bytes = allocated() - a0;
        long n = (long) rounds * instances.size();
        System.out.printf("  receive path, 255 backups x %d adverts, 1 s apart: %d ms wall, %d bytes allocated "
                + "(%d per advert: FakeScheduler's task when a down timer re-arms)%n", rounds, wall / 1_000_000, bytes,
                bytes / n);
        a0 = allocated();
        for (int round = 0; round < rounds; round++) {
            for (int i = 0; i < instances.size(); i++) {
                instances.get(i).receivedAdvert(adverts.get(i), master);
            }
        }
        System.out.printf("  receive path, same without advancing time (engine alone): %d bytes allocated%n",
                allocated() - a0);
    }

    private static final AddressInstaller NO_ADDRESSES = new AddressInstaller() {
        @Override
        public void install(InstanceSpec instance) {
        }

        @Override
        public void remove(InstanceSpec instance) {
        }
    };
}
