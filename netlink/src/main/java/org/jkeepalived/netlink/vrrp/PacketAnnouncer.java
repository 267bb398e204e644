package org.jkeepalived.netlink.vrrp;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.util.ArrayList;
import java.util.List;
import org.jkeepalived.core.time.Scheduler;
import org.jkeepalived.netlink.MacAddress;
import org.jkeepalived.netlink.announce.GratuitousArp;
import org.jkeepalived.netlink.announce.NeighbourAdvertisement;
import org.jkeepalived.netlink.announce.PacketSocket;
import org.jkeepalived.netlink.rtnl.Link;
import org.jkeepalived.vrrp.engine.Announcer;
import org.jkeepalived.vrrp.engine.InstanceSpec;
import org.jkeepalived.vrrp.engine.VirtualAddress;
import org.jkeepalived.vrrp.router.InstancePlan;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one instance's gratuitous ARPs (IPv4) or unsolicited neighbour advertisements (IPv6) through
 * {@link PacketSocket}s: {@code repeat} rounds over every VIP, each frame from the MAC of the
 * interface the VIP lives on (the vmac's with use_vmac). With garp_interval / gna_interval set, the
 * frames are spaced by it on the scheduler (keepalived paces them the same way); otherwise they go
 * back to back. Frames are built on the first announcement and reused.
 */
final class PacketAnnouncer implements Announcer {
    private static final Logger LOG = LoggerFactory.getLogger(PacketAnnouncer.class);

    private final NetlinkVrrpNetwork network;
    private final Scheduler scheduler;
    private final InstancePlan plan;
    private List<Frame> frames;

    private record Frame(PacketSocket socket, byte[] bytes, String what) {
    }

    PacketAnnouncer(NetlinkVrrpNetwork network, Scheduler scheduler, InstancePlan plan) {
        this.network = network;
        this.scheduler = scheduler;
        this.plan = plan;
    }

    @Override
    public void announce(InstanceSpec instance, int repeat) {
        List<Frame> all;
        try {
            all = frames();
        } catch (IOException e) {
            LOG.error("({}) cannot send gratuitous ARP / NA: {}", plan.name(), e.getMessage());
            frames = null;
            return;
        }
        long gap = plan.announceIntervalNanos();
        int n = 0;
        for (int r = 0; r < repeat; r++) {
            for (Frame f : all) {
                if (gap == 0 || n == 0) {
                    send(f);
                } else {
                    scheduler.schedule(gap * n, () -> send(f));
                }
                n++;
            }
        }
    }

    private void send(Frame f) {
        try {
            f.socket().send(f.bytes());
        } catch (IOException e) {
            LOG.warn("({}) {} failed: {}", plan.name(), f.what(), e.getMessage());
        }
    }

    private List<Frame> frames() throws IOException {
        if (frames != null) {
            return frames;
        }
        List<Frame> list = new ArrayList<>();
        for (VirtualAddress v : plan.spec().virtualAddresses()) {
            String dev = v.device() != null ? v.device() : plan.interfaceName();
            Link link = network.rtnl().link(dev);
            if (link == null || link.mac() == null) {
                throw new IOException("no MAC address for " + dev);
            }
            MacAddress mac = link.mac();
            PacketSocket socket = network.packetSocket(dev);
            if (v.address() instanceof Inet4Address v4) {
                list.add(new Frame(socket, GratuitousArp.frame(mac, v4), "gratuitous ARP on " + dev));
            } else {
                list.add(new Frame(socket, NeighbourAdvertisement.frame(mac, (Inet6Address) v.address()),
                        "unsolicited NA on " + dev));
            }
        }
        frames = List.copyOf(list);
        return frames;
    }
}
