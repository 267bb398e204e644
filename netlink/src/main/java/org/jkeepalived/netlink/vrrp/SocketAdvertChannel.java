package org.jkeepalived.netlink.vrrp;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import org.jkeepalived.netlink.advert.Reception;
import org.jkeepalived.netlink.advert.Vrrp4Socket;
import org.jkeepalived.netlink.advert.Vrrp6Socket;
import org.jkeepalived.netlink.advert.VrrpSocket;
import org.jkeepalived.netlink.sched.TimingThreads;
import org.jkeepalived.vrrp.packet.AdvertTemplate;
import org.jkeepalived.vrrp.packet.VrrpAdvert;
import org.jkeepalived.vrrp.router.VrrpNetwork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The adverts of one interface and address family over a {@link Vrrp4Socket} or {@link Vrrp6Socket}:
 * sends through one {@link AdvertTemplate} cached per VRID and destination (rebuilt only when the
 * engine hands a different advert, i.e. on a priority change), so a steady MASTER allocates nothing
 * per advert; and a receive thread that blocks in {@code receive} and hands each packet to the
 * router's receiver.
 */
final class SocketAdvertChannel implements VrrpNetwork.AdvertChannel {
    private static final Logger LOG = LoggerFactory.getLogger(SocketAdvertChannel.class);
    private static final int MAX_ADVERT = 1500;

    private final VrrpSocket socket;
    private final InetAddress source;
    private final VrrpNetwork.AdvertReceiver receiver;
    private final TimingThreads timing;
    private final Thread thread;
    private final ByteBuffer out = ByteBuffer.allocate(MAX_ADVERT);
    /** Per VRID: a few (destination, advert, template) entries; unicast instances have one per peer. */
    private final Cached[][] cache = new Cached[256][];
    private volatile boolean closed;

    private static final class Cached {
        final InetAddress destination;
        VrrpAdvert advert;
        AdvertTemplate template;

        Cached(InetAddress destination) {
            this.destination = destination;
        }
    }

    private SocketAdvertChannel(VrrpSocket socket, InetAddress source, VrrpNetwork.AdvertReceiver receiver,
                                TimingThreads timing) {
        this.socket = socket;
        this.source = source;
        this.receiver = receiver;
        this.timing = timing;
        this.thread = new Thread(this::receiveLoop, "vrrp-rx-" + socket.interfaceName()
                + (source instanceof Inet6Address ? "-inet6" : "-inet"));
        this.thread.setDaemon(true);
        this.thread.setPriority(Thread.MAX_PRIORITY);
    }

    /** Opens the socket pair and starts the receive thread, one of the {@code timing} threads. */
    static SocketAdvertChannel open(String interfaceName, boolean ipv6, InetAddress source, boolean multicast,
                                    VrrpNetwork.AdvertReceiver receiver, TimingThreads timing) throws IOException {
        VrrpSocket s = ipv6
                ? Vrrp6Socket.open(interfaceName, (Inet6Address) source, multicast)
                : Vrrp4Socket.open(interfaceName, (Inet4Address) source, multicast);
        SocketAdvertChannel c = new SocketAdvertChannel(s, source, receiver, timing);
        c.thread.start();
        return c;
    }

    /** Runs on the scheduler thread only. */
    @Override
    public void sendAdvert(VrrpAdvert advert, InetAddress destination) {
        Cached c = entry(advert.vrid(), destination);
        if (c.advert != advert) {
            if (c.advert == null || !sameButPriority(c.advert, advert)) {
                c.template = AdvertTemplate.of(advert, source, destination, false);
            }
            c.advert = advert;
        }
        out.clear();
        c.template.encode(advert.priority(), out);
        out.flip();
        try {
            socket.send(out, destination);
        } catch (IOException e) {
            LOG.warn("send advert error on {}: {}", socket.interfaceName(), e.getMessage());
        }
    }

    private Cached entry(int vrid, InetAddress destination) {
        Cached[] list = cache[vrid];
        if (list != null) {
            for (Cached c : list) {
                if (c.destination.equals(destination)) {
                    return c;
                }
            }
        }
        Cached c = new Cached(destination);
        Cached[] grown = list == null ? new Cached[1] : java.util.Arrays.copyOf(list, list.length + 1);
        grown[grown.length - 1] = c;
        cache[vrid] = grown;
        return c;
    }

    private static boolean sameButPriority(VrrpAdvert a, VrrpAdvert b) {
        return a.version() == b.version() && a.advertInterval() == b.advertInterval()
                && a.authType() == b.authType() && a.addresses().equals(b.addresses())
                && java.util.Arrays.equals(a.authData(), b.authData());
    }

    private void receiveLoop() {
        timing.join();
        try {
            receiveAdverts();
        } finally {
            timing.leave();
        }
    }

    private void receiveAdverts() {
        boolean ipv4 = source instanceof Inet4Address;
        while (!closed) {
            Reception r;
            try {
                r = socket.receive();
            } catch (IOException e) {
                if (!closed) {
                    LOG.error("receive on {} failed, receiving stops: {}", socket.interfaceName(), e.getMessage());
                }
                return;
            }
            if (r == null) {
                return;
            }
            try {
                ByteBuffer p = r.payload();
                if (ipv4) {
                    p.position(0); // the whole datagram: the filter reads TTL and source from the header
                    receiver.receivedIpv4(p);
                } else {
                    receiver.receivedIpv6(p, r.source(), r.destination(), r.ttl());
                }
            } catch (RuntimeException e) {
                LOG.error("advert receiver failed", e);
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        socket.close();
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
