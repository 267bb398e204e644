package org.jkeepalived.vrrp.router;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import org.jkeepalived.core.time.Scheduler;
import org.jkeepalived.vrrp.engine.VrrpInstance;
import org.jkeepalived.vrrp.packet.AdvertDispatcher;
import org.jkeepalived.vrrp.packet.AdvertFilter;
import org.jkeepalived.vrrp.packet.Reception;
import org.jkeepalived.vrrp.packet.Verdict;
import org.jkeepalived.vrrp.packet.VrrpStats;

/**
 * The receive side of one interface and address family (keepalived's sockpool entry): takes each
 * packet from the channel's receive thread, copies its bytes (the socket's buffer is reused) and
 * hands them to the scheduler thread, where the {@link AdvertDispatcher} validates them and the
 * instance with that VRID receives the advert.
 */
final class ChannelRoute implements VrrpNetwork.AdvertReceiver {
    private static final int IPV4_SOURCE = 12;

    private final String key;
    private final Scheduler scheduler;
    private final AdvertDispatcher dispatcher = new AdvertDispatcher(new VrrpStats());
    private final VrrpInstance[] byVrid = new VrrpInstance[256];
    private VrrpNetwork.AdvertChannel channel;

    ChannelRoute(String key, Scheduler scheduler) {
        this.key = key;
        this.scheduler = scheduler;
    }

    String key() {
        return key;
    }

    void attach(VrrpNetwork.AdvertChannel c) {
        channel = c;
    }

    VrrpNetwork.AdvertChannel channel() {
        return channel;
    }

    AdvertDispatcher dispatcher() {
        return dispatcher;
    }

    /** Adds an instance; throws if another instance of this interface and family has its VRID. */
    void register(VrrpInstance instance, AdvertFilter filter) {
        dispatcher.register(filter);
        byVrid[instance.spec().vrid()] = instance;
    }

    @Override
    public void receivedIpv4(ByteBuffer datagram) {
        byte[] copy = copy(datagram);
        scheduler.execute(() -> deliverIpv4(copy));
    }

    @Override
    public void receivedIpv6(ByteBuffer vrrp, InetAddress source, InetAddress destination, int hopLimit) {
        byte[] copy = copy(vrrp);
        Reception from = new Reception(source, destination, hopLimit);
        scheduler.execute(() -> deliver(dispatcher.dispatch(ByteBuffer.wrap(copy), from), source));
    }

    /** Runs on the scheduler thread. */
    void deliverIpv4(byte[] datagram) {
        Verdict v = dispatcher.dispatchIpv4(ByteBuffer.wrap(datagram));
        if (v instanceof Verdict.Accepted) {
            byte[] src = new byte[4];
            System.arraycopy(datagram, IPV4_SOURCE, src, 0, 4);
            try {
                deliver(v, InetAddress.getByAddress(src));
            } catch (UnknownHostException e) {
                throw new AssertionError(e); // 4 bytes are always an address
            }
        }
    }

    private void deliver(Verdict v, InetAddress source) {
        if (v instanceof Verdict.Accepted a) {
            VrrpInstance instance = byVrid[a.advert().vrid()];
            if (instance != null) {
                instance.receivedAdvert(a.advert(), source);
            }
        }
    }

    private static byte[] copy(ByteBuffer b) {
        byte[] copy = new byte[b.remaining()];
        b.get(b.position(), copy);
        return copy;
    }
}
