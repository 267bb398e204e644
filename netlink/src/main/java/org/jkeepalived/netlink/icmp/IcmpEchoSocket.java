package org.jkeepalived.netlink.icmp;

import com.sun.jna.Memory;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.jkeepalived.netlink.sys.ErrnoException;
import org.jkeepalived.netlink.sys.LibC;
import org.jkeepalived.netlink.sys.NativeSocket;
import org.jkeepalived.netlink.sys.SockaddrIn;
import org.jkeepalived.netlink.sys.SockaddrIn6;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One raw ICMP or ICMPv6 socket (needs CAP_NET_RAW; the JDK has no ICMP API and an unprivileged ping socket needs
 * net.ipv4.ping_group_range) shared by every PING_CHECK of that family: {@link #echo} sends a request and
 * registers a callback, one receive thread matches replies by identifier and sequence number. Timeouts are the
 * caller's: it calls {@link #forget} when it gives up.
 */
public final class IcmpEchoSocket implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(IcmpEchoSocket.class);
    private static final int IPPROTO_ICMP = 1;
    /** {@code ICMP6_FILTER} from {@code <netinet/icmp6.h>}, at level IPPROTO_ICMPV6. */
    private static final int ICMP6_FILTER = 1;
    private static final byte[] PAYLOAD = "jkeepalived-ping".getBytes(StandardCharsets.US_ASCII);
    private static final int CAPACITY = 1500;

    private final NativeSocket socket;
    private final boolean ipv6;
    private final int identifier = (int) (ProcessHandle.current().pid() & 0xffff);
    private final AtomicInteger sequence = new AtomicInteger();
    private final Map<Integer, Consumer<InetAddress>> pending = new ConcurrentHashMap<>();
    private final Thread receiver;

    private IcmpEchoSocket(NativeSocket socket, boolean ipv6) {
        this.socket = socket;
        this.ipv6 = ipv6;
        receiver = new Thread(this::receive, ipv6 ? "icmp6-echo" : "icmp-echo");
        receiver.setDaemon(true);
    }

    /** Opens the IPv4 socket and starts its receive thread. */
    public static IcmpEchoSocket open() throws ErrnoException {
        IcmpEchoSocket s = new IcmpEchoSocket(NativeSocket.open(LibC.AF_INET, LibC.SOCK_RAW, IPPROTO_ICMP, "icmp"),
                false);
        s.receiver.start();
        return s;
    }

    /**
     * Opens the ICMPv6 socket and starts its receive thread. A filter passes only echo replies: a raw ICMPv6
     * socket would otherwise wake for every neighbour discovery and router advertisement on the host.
     */
    public static IcmpEchoSocket openIpv6() throws ErrnoException {
        NativeSocket ns = NativeSocket.open(LibC.AF_INET6, LibC.SOCK_RAW, LibC.IPPROTO_ICMPV6, "icmp6");
        try (Memory filter = new Memory(32)) {
            byte[] blocked = echoReplyFilter();
            filter.write(0, blocked, 0, blocked.length);
            ns.setOption(LibC.IPPROTO_ICMPV6, ICMP6_FILTER, filter, 32, "ICMP6_FILTER");
        } catch (ErrnoException e) {
            ns.close();
            throw e;
        }
        IcmpEchoSocket s = new IcmpEchoSocket(ns, true);
        s.receiver.start();
        return s;
    }

    /**
     * {@code struct icmp6_filter} (eight host-order 32-bit words, a set bit blocks that type) blocking every
     * type but the echo reply.
     */
    static byte[] echoReplyFilter() {
        int[] words = new int[8];
        Arrays.fill(words, -1);
        words[IcmpEcho.ECHO6_REPLY >> 5] &= ~(1 << (IcmpEcho.ECHO6_REPLY & 31));
        ByteBuffer b = ByteBuffer.allocate(32).order(ByteOrder.nativeOrder());
        for (int w : words) {
            b.putInt(w);
        }
        return b.array();
    }

    /**
     * Sends one echo request to {@code target} (of this socket's family); {@code reply} runs on the receive
     * thread when the answer comes. Returns the sequence number to {@link #forget} on timeout.
     */
    public int echo(InetAddress target, Consumer<InetAddress> reply) throws ErrnoException {
        if ((target instanceof Inet6Address) != ipv6) {
            throw new IllegalArgumentException(target.getHostAddress() + " is not an "
                    + (ipv6 ? "IPv6" : "IPv4") + " address");
        }
        int seq = sequence.incrementAndGet() & 0xffff;
        pending.put(seq, reply);
        byte[] msg = ipv6 ? IcmpEcho.requestIpv6(identifier, seq, PAYLOAD) : IcmpEcho.request(identifier, seq, PAYLOAD);
        try (Memory data = new Memory(msg.length); Memory to = sockaddr(target)) {
            data.write(0, msg, 0, msg.length);
            socket.sendTo(data, msg.length, to, ipv6 ? SockaddrIn6.SIZE : SockaddrIn.SIZE);
        } catch (ErrnoException e) {
            pending.remove(seq);
            throw e;
        }
        return seq;
    }

    private static Memory sockaddr(InetAddress target) {
        return target instanceof Inet6Address v6 ? SockaddrIn6.of(v6, v6.getScopeId())
                : SockaddrIn.of((Inet4Address) target);
    }

    /** Drops the callback of a request that timed out. */
    public void forget(int seq) {
        pending.remove(seq);
    }

    private void receive() {
        try (Memory buf = new Memory(CAPACITY); Memory from = new Memory(SockaddrIn6.SIZE);
             Memory fromLength = new Memory(4)) {
            byte[] b = new byte[CAPACITY];
            while (!socket.isClosed()) {
                fromLength.setInt(0, SockaddrIn6.SIZE);
                int n = socket.receive(buf, CAPACITY, 0, from, fromLength, 500);
                if (n == NativeSocket.CLOSED) {
                    return;
                }
                if (n <= 0) {
                    continue;
                }
                int len = Math.min(n, CAPACITY);
                buf.read(0, b, 0, len);
                IcmpEcho.Reply r = ipv6 ? IcmpEcho.parseIpv6(b, len) : IcmpEcho.parseIpv4(b, len);
                if (r != null && r.identifier() == identifier) {
                    Consumer<InetAddress> c = pending.remove(r.sequence());
                    if (c != null) {
                        c.accept(InetAddress.getByAddress(ipv6 ? from.getByteArray(SockaddrIn6.OFF_ADDR, 16)
                                : new byte[] {b[12], b[13], b[14], b[15]}));
                    }
                }
            }
        } catch (ErrnoException e) {
            if (!socket.isClosed()) {
                LOG.warn("ICMP receive failed: {}", e.getMessage());
            }
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e); // four or sixteen bytes are always an address
        }
    }

    @Override
    public void close() {
        socket.close();
        try {
            receiver.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
