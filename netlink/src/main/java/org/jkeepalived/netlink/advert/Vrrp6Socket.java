package org.jkeepalived.netlink.advert;

import static org.jkeepalived.netlink.sys.LibC.*;

import com.sun.jna.Memory;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.jkeepalived.netlink.sys.ErrnoException;
import org.jkeepalived.netlink.sys.NativeSocket;
import org.jkeepalived.netlink.sys.SockaddrIn6;

/**
 * IPv6 VRRP socket: {@code socket(AF_INET6, SOCK_RAW, 112)} with IPV6_CHECKSUM at offset 6 (the
 * kernel fills and verifies the VRRP checksum over the pseudo-header; without it a sender sends
 * checksum 0 and a receiver drops silently), hop limit 255 for multicast and unicast, no multicast
 * loopback, bound to the device, joined to ff02::12. Raw IPv6 sockets never return the IP header:
 * the hop limit and destination come from IPV6_HOPLIMIT and IPV6_PKTINFO ancillary data.
 */
public final class Vrrp6Socket extends VrrpSocket {
    /** The VRRP IPv6 multicast group (RFC 5798 §5.1.2.2). */
    public static final Inet6Address GROUP = group();
    /** Offset of the checksum in a VRRP packet. */
    static final int CHECKSUM_OFFSET = 6;

    private Vrrp6Socket(String name, int ifindex, NativeSocket rx, NativeSocket tx) {
        super(name, ifindex, rx, tx, 16, SockaddrIn6.SIZE);
    }

    /**
     * Opens the socket pair on {@code interfaceName} (in the calling thread's network namespace).
     *
     * @param source        the interface's link-local address to send from, or null to let the
     *                      kernel choose (it picks the link-local for ff02::12)
     * @param joinMulticast whether to join ff02::12
     */
    public static Vrrp6Socket open(String interfaceName, Inet6Address source, boolean joinMulticast)
            throws ErrnoException {
        return open(interfaceName, AF_INET6, (rx, ifindex) -> {
            rx.setInt(IPPROTO_IPV6, IPV6_CHECKSUM, CHECKSUM_OFFSET, "IPV6_CHECKSUM");
            rx.bindToDevice(interfaceName);
            rx.setInt(IPPROTO_IPV6, IPV6_RECVHOPLIMIT, 1, "IPV6_RECVHOPLIMIT");
            rx.setInt(IPPROTO_IPV6, IPV6_RECVPKTINFO, 1, "IPV6_RECVPKTINFO");
            if (joinMulticast) {
                try (Memory mreq = new Memory(20)) {
                    // struct ipv6_mreq from <linux/in6.h>: in6_addr multiaddr; int ifindex
                    mreq.write(0, GROUP.getAddress(), 0, 16);
                    mreq.setInt(16, ifindex);
                    rx.setOption(IPPROTO_IPV6, IPV6_JOIN_GROUP, mreq, 20, "IPV6_JOIN_GROUP");
                }
            }
        }, (tx, ifindex) -> {
            tx.setInt(IPPROTO_IPV6, IPV6_CHECKSUM, CHECKSUM_OFFSET, "IPV6_CHECKSUM");
            tx.bindToDevice(interfaceName);
            tx.setInt(IPPROTO_IPV6, IPV6_MULTICAST_HOPS, 255, "IPV6_MULTICAST_HOPS");
            tx.setInt(IPPROTO_IPV6, IPV6_UNICAST_HOPS, 255, "IPV6_UNICAST_HOPS");
            tx.setInt(IPPROTO_IPV6, IPV6_MULTICAST_LOOP, 0, "IPV6_MULTICAST_LOOP");
            tx.setInt(IPPROTO_IPV6, IPV6_MULTICAST_IF, ifindex, "IPV6_MULTICAST_IF");
            tx.setInt(SOL_SOCKET, SO_RCVBUF, 1, "SO_RCVBUF");
            if (source != null) {
                try (Memory sa = SockaddrIn6.of(source, source.isLinkLocalAddress() ? ifindex : 0)) {
                    tx.bind(sa, SockaddrIn6.SIZE);
                }
            }
        }, Vrrp6Socket::new);
    }

    @Override
    void writeDestination(Memory sockaddr, InetAddress to) {
        if (!(to instanceof Inet6Address v6)) {
            throw new IllegalArgumentException("IPv6 VRRP socket cannot send to " + to);
        }
        SockaddrIn6.write(sockaddr, v6, v6.isLinkLocalAddress() || v6.isMulticastAddress() ? ifindex : 0);
    }

    @Override
    public Reception receive() throws IOException {
        int n = rx.receiveMessage(msg);
        if (n == NativeSocket.CLOSED) {
            return null;
        }
        Reception r = reception;
        msg.name().read(SockaddrIn6.OFF_ADDR, r.sourceBytes(), 0, 16);
        int hops = msg.findControl(IPPROTO_IPV6, IPV6_HOPLIMIT);
        r.ttl = hops < 0 ? -1 : msg.control().getInt(hops);
        int pktinfo = msg.findControl(IPPROTO_IPV6, IPV6_PKTINFO);
        if (pktinfo >= 0) {
            // struct in6_pktinfo { struct in6_addr ipi6_addr; int ipi6_ifindex; }
            msg.control().read(pktinfo, r.destinationBytes(), 0, 16);
            r.ifindex = msg.control().getInt(pktinfo + 16);
        } else {
            r.ifindex = ifindex;
        }
        return deliver(n, 0);
    }

    private static Inet6Address group() {
        byte[] b = new byte[16];
        b[0] = (byte) 0xff;
        b[1] = 0x02;
        b[15] = 0x12;
        try {
            return (Inet6Address) InetAddress.getByAddress(b);
        } catch (UnknownHostException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
