package org.jkeepalived.vrrp.sim;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Random;
import org.jkeepalived.core.time.FakeScheduler;

/**
 * A deterministic fake LAN segment: routers on it exchange the real encoded VRRP bytes, in virtual
 * time, with a fixed propagation delay plus seeded jitter, seeded loss, and partitions. Multicast
 * reaches every other live router in the same partition (no loopback, as IP_MULTICAST_LOOP 0);
 * unicast reaches the router that owns the destination address.
 */
public final class SimLan {
    private final FakeScheduler scheduler;
    private final Random random;
    private final List<SimRouter> routers = new ArrayList<>();
    private long delayMicros = 100;
    private long jitterMicros;
    private int lossPerMillion;
    private long packetsSent;
    private long packetsLost;

    public SimLan(FakeScheduler scheduler, long seed) {
        this.scheduler = scheduler;
        this.random = new Random(seed);
    }

    public FakeScheduler scheduler() {
        return scheduler;
    }

    public Random random() {
        return random;
    }

    public SimRouter addRouter(String name, InetAddress address) {
        SimRouter r = new SimRouter(this, name, address);
        routers.add(r);
        return r;
    }

    public List<SimRouter> routers() {
        return routers;
    }

    public SimLan delayMicros(long delay, long jitter) {
        this.delayMicros = delay;
        this.jitterMicros = jitter;
        return this;
    }

    /** Drops each packet (per receiver) with this probability in millionths. */
    public SimLan lossPerMillion(int loss) {
        this.lossPerMillion = loss;
        return this;
    }

    public long delayMicros() {
        return delayMicros + jitterMicros;
    }

    public int lossPerMillion() {
        return lossPerMillion;
    }

    /** Splits the LAN: the given routers form one side, the rest the other. */
    public void partition(Collection<SimRouter> side) {
        for (SimRouter r : routers) {
            r.segment = side.contains(r) ? 1 : 0;
        }
    }

    public void heal() {
        for (SimRouter r : routers) {
            r.segment = 0;
        }
    }

    public boolean partitioned() {
        for (SimRouter r : routers) {
            if (r.segment != 0) {
                return true;
            }
        }
        return false;
    }

    /** Whether a packet from {@code a} can reach {@code b} right now (ignoring loss). */
    public boolean connected(SimRouter a, SimRouter b) {
        return a.alive() && b.alive() && a.segment == b.segment;
    }

    public long packetsSent() {
        return packetsSent;
    }

    public long packetsLost() {
        return packetsLost;
    }

    /** Carries {@code len} bytes of {@code packet} from {@code from} to the destination's receivers. */
    void transmit(SimRouter from, ByteBuffer packet, InetAddress destination) {
        packetsSent++;
        boolean multicast = destination.isMulticastAddress();
        for (int i = 0; i < routers.size(); i++) {
            SimRouter to = routers.get(i);
            if (to == from || !connected(from, to) || !multicast && !to.address().equals(destination)) {
                continue;
            }
            if (lossPerMillion > 0 && random.nextInt(1_000_000) < lossPerMillion) {
                packetsLost++;
                continue;
            }
            byte[] copy = new byte[packet.remaining()];
            packet.duplicate().get(copy);
            long delay = delayMicros + (jitterMicros > 0 ? random.nextInt((int) jitterMicros + 1) : 0);
            InetAddress source = from.address();
            scheduler.schedule(delay * 1000, () -> to.receive(copy, source, destination));
        }
    }
}
