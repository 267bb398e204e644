package org.jkeepalived.vrrp.router;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import org.jkeepalived.vrrp.engine.AddressInstaller;
import org.jkeepalived.vrrp.engine.AdvertSender;
import org.jkeepalived.vrrp.engine.Announcer;

/**
 * Output and input port of the VRRP router: everything it needs from the kernel, which the
 * {@code netlink} module implements. Callbacks ({@link AdvertReceiver}, {@link LinkListener}) arrive on
 * the implementation's own threads; the router moves the work to its scheduler thread.
 */
public interface VrrpNetwork extends InstancePlanner.AddressSource, Closeable {
    /** Whether the interface can carry traffic (up, with carrier); false when it does not exist. */
    boolean isUp(String interfaceName) throws IOException;

    /** Prepares what an instance needs before it starts: creates its use_vmac interface. */
    void prepare(InstancePlan plan) throws IOException;

    /** Undoes {@link #prepare} (deletes the vmac); called after the instance stopped. */
    void release(InstancePlan plan);

    /**
     * Opens the advert socket(s) of one interface and address family and starts delivering what they
     * receive to {@code receiver}.
     *
     * @param source    the address to send from (the primary or unicast_src_ip address)
     * @param multicast whether to join the VRRP group
     */
    AdvertChannel openChannel(String interfaceName, boolean ipv6, InetAddress source, boolean multicast,
                              AdvertReceiver receiver) throws IOException;

    /** The installer of one instance's VIPs, excluded addresses, virtual routes and rules. */
    AddressInstaller installer(InstancePlan plan);

    /** The gratuitous ARP / unsolicited NA sender of one instance. */
    Announcer announcer(InstancePlan plan);

    /**
     * The firewall that carries the drop rules of {@code no_accept} instances; one per network, closed with it.
     * The default installs nothing.
     */
    default VipFirewall firewall() {
        return VipFirewall.NONE;
    }

    /** Starts reporting link and address changes; closing the result stops it. */
    Closeable watch(LinkListener listener) throws IOException;

    /** Sends adverts for every instance of one interface and family; closing it stops its receive thread. */
    interface AdvertChannel extends AdvertSender, Closeable {
        @Override
        void close();
    }

    /**
     * Receives packets on a channel's receive thread. The buffer is valid only during the call: copy
     * what is kept.
     */
    interface AdvertReceiver {
        /** A whole IPv4 datagram, header included, from position to limit. */
        void receivedIpv4(ByteBuffer datagram);

        /** A VRRP message over IPv6 (raw IPv6 sockets give no header) with what recvmsg told. */
        void receivedIpv6(ByteBuffer vrrp, InetAddress source, InetAddress destination, int hopLimit);
    }

    /** Receives link and address changes on the watcher's thread. */
    interface LinkListener {
        /** An interface came up or went down (or was deleted: down). */
        void linkChanged(String interfaceName, boolean up);

        /** An address was deleted from an interface. */
        void addressDeleted(String interfaceName, InetAddress address);
    }
}
