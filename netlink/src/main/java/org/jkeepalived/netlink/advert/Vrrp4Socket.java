package org.jkeepalived.netlink.advert;

import static org.jkeepalived.netlink.sys.LibC.*;

import com.sun.jna.Memory;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.jkeepalived.netlink.sys.ErrnoException;
import org.jkeepalived.netlink.sys.NativeSocket;
import org.jkeepalived.netlink.sys.SockaddrIn;

/**
 * IPv4 VRRP socket: {@code socket(AF_INET, SOCK_RAW, 112)} with TOS 0xc0 (network control, as
 * keepalived), TTL 255 for multicast and unicast, no multicast loopback, bound to the device, and
 * joined to 224.0.0.18 with an {@code ip_mreqn} naming the interface. The kernel builds the IP
 * header on send; on receive it hands it back, so the TTL is header byte 8 and the destination comes
 * from IP_PKTINFO.
 */
public final class Vrrp4Socket extends VrrpSocket {
    /** The VRRP IPv4 multicast group (RFC 5798 §5.1.1.2). */
    public static final Inet4Address GROUP = inet4(224, 0, 0, 18);

    private Vrrp4Socket(String name, int ifindex, NativeSocket rx, NativeSocket tx) {
        super(name, ifindex, rx, tx, 4, SockaddrIn.SIZE);
    }

    /**
     * Opens the socket pair on {@code interfaceName} (in the calling thread's network namespace).
     *
     * @param source        the source address to send from (keepalived's unicast_src_ip), or null
     *                      to let the kernel choose the interface's primary address
     * @param joinMulticast whether to join 224.0.0.18 (false for unicast-only instances)
     */
    public static Vrrp4Socket open(String interfaceName, Inet4Address source, boolean joinMulticast)
            throws ErrnoException {
        return open(interfaceName, AF_INET, (rx, ifindex) -> {
            rx.bindToDevice(interfaceName);
            rx.setInt(IPPROTO_IP, IP_PKTINFO, 1, "IP_PKTINFO");
            if (joinMulticast) {
                try (Memory mreqn = mreqn(GROUP, ifindex)) {
                    rx.setOption(IPPROTO_IP, IP_ADD_MEMBERSHIP, mreqn, 12, "IP_ADD_MEMBERSHIP");
                }
            }
        }, (tx, ifindex) -> {
            tx.bindToDevice(interfaceName);
            tx.setInt(IPPROTO_IP, IP_TOS, 0xc0, "IP_TOS");
            tx.setInt(IPPROTO_IP, IP_TTL, 255, "IP_TTL");
            tx.setInt(IPPROTO_IP, IP_MULTICAST_TTL, 255, "IP_MULTICAST_TTL");
            tx.setInt(IPPROTO_IP, IP_MULTICAST_LOOP, 0, "IP_MULTICAST_LOOP");
            try (Memory mreqn = mreqn(null, ifindex)) {
                tx.setOption(IPPROTO_IP, IP_MULTICAST_IF, mreqn, 12, "IP_MULTICAST_IF");
            }
            // a receive-only use of tx would queue every VRRP packet on it: tx never reads, so keep its queue tiny
            tx.setInt(SOL_SOCKET, SO_RCVBUF, 1, "SO_RCVBUF");
            if (source != null) {
                try (Memory sa = SockaddrIn.of(source)) {
                    tx.bind(sa, SockaddrIn.SIZE);
                }
            }
        }, Vrrp4Socket::new);
    }

    /** {@code struct ip_mreqn} from {@code <linux/in.h>}: multiaddr, address (any), ifindex. */
    static Memory mreqn(Inet4Address group, int ifindex) {
        Memory m = new Memory(12);
        m.clear(12);
        if (group != null) {
            m.write(0, group.getAddress(), 0, 4);
        }
        m.setInt(8, ifindex);
        return m;
    }

    @Override
    void writeDestination(Memory sockaddr, InetAddress to) {
        if (!(to instanceof Inet4Address v4)) {
            throw new IllegalArgumentException("IPv4 VRRP socket cannot send to " + to);
        }
        SockaddrIn.write(sockaddr, v4);
    }

    @Override
    public Reception receive() throws IOException {
        while (true) {
            int n = rx.receiveMessage(msg);
            if (n == NativeSocket.CLOSED) {
                return null;
            }
            int ihl = (rxView.get(0) & 0x0f) * 4;
            if (n < 20 || ihl < 20 || n < ihl) {
                continue; // the kernel only queues well-formed IP packets; be safe anyway
            }
            Reception r = reception;
            r.ttl = rxView.get(8) & 0xff;
            rxData.read(12, r.sourceBytes(), 0, 4);
            int pktinfo = msg.findControl(IPPROTO_IP, IP_PKTINFO);
            if (pktinfo >= 0) {
                // struct in_pktinfo { int ipi_ifindex; in_addr ipi_spec_dst; in_addr ipi_addr; }
                r.ifindex = msg.control().getInt(pktinfo);
                msg.control().read(pktinfo + 8, r.destinationBytes(), 0, 4);
            } else {
                r.ifindex = ifindex;
                rxData.read(16, r.destinationBytes(), 0, 4);
            }
            return deliver(n, ihl);
        }
    }

    private static Inet4Address inet4(int a, int b, int c, int d) {
        try {
            return (Inet4Address) InetAddress.getByAddress(new byte[] {(byte) a, (byte) b, (byte) c, (byte) d});
        } catch (UnknownHostException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
