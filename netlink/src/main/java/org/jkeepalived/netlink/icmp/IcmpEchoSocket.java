package org.jkeepalived.netlink.icmp;

import com.sun.jna.Memory;

import java.net.Inet4Address;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.jkeepalived.netlink.sys.ErrnoException;
import org.jkeepalived.netlink.sys.LibC;
import org.jkeepalived.netlink.sys.NativeSocket;
import org.jkeepalived.netlink.sys.SockaddrIn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One raw ICMP socket (needs CAP_NET_RAW; the JDK has no ICMP API and an unprivileged ping socket needs
 * net.ipv4.ping_group_range) shared by every PING_CHECK: {@link #echo} sends a request and registers a callback,
 * one receive thread matches replies by identifier and sequence number. Timeouts are the caller's: it calls
 * {@link #forget} when it gives up.
 */
public final class IcmpEchoSocket implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(IcmpEchoSocket.class);
    private static final int IPPROTO_ICMP = 1;

    private final NativeSocket socket;
    private final int identifier = (int) (ProcessHandle.current().pid() & 0xffff);
    private final AtomicInteger sequence = new AtomicInteger();
    private final Map<Integer, Consumer<Inet4Address>> pending = new ConcurrentHashMap<>();
    private final Thread receiver;

    private IcmpEchoSocket(NativeSocket socket) {
        this.socket = socket;
        receiver = new Thread(this::receive, "icmp-echo");
        receiver.setDaemon(true);
    }

    /** Opens the socket and starts its receive thread. */
    public static IcmpEchoSocket open() throws ErrnoException {
        IcmpEchoSocket s = new IcmpEchoSocket(NativeSocket.open(LibC.AF_INET, LibC.SOCK_RAW, IPPROTO_ICMP, "icmp"));
        s.receiver.start();
        return s;
    }

    /**
     * Sends one echo request to {@code target}; {@code reply} runs on the receive thread when the answer comes.
     * Returns the sequence number to {@link #forget} on timeout.
     */
    public int echo(Inet4Address target, Consumer<Inet4Address> reply) throws ErrnoException {
        int seq = sequence.incrementAndGet() & 0xffff;
        pending.put(seq, reply);
        byte[] msg = IcmpEcho.request(identifier, seq, "jkeepalived-ping".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        try (Memory data = new Memory(msg.length); Memory to = SockaddrIn.of(target)) {
            data.write(0, msg, 0, msg.length);
            socket.sendTo(data, msg.length, to, SockaddrIn.SIZE);
        } catch (ErrnoException e) {
            pending.remove(seq);
            throw e;
        }
        return seq;
    }

    /** Drops the callback of a request that timed out. */
    public void forget(int seq) {
        pending.remove(seq);
    }

    private void receive() {
        try (Memory buf = new Memory(1500)) {
            byte[] b = new byte[1500];
            while (!socket.isClosed()) {
                int n = socket.receive(buf, 1500, 0, null, null, 500);
                if (n == NativeSocket.CLOSED) {
                    return;
                }
                if (n <= 0) {
                    continue;
                }
                int len = Math.min(n, 1500);
                buf.read(0, b, 0, len);
                IcmpEcho.Reply r = IcmpEcho.parseIpv4(b, len);
                if (r != null && r.identifier() == identifier) {
                    Consumer<Inet4Address> c = pending.remove(r.sequence());
                    if (c != null) {
                        byte[] src = {b[12], b[13], b[14], b[15]};
                        c.accept((Inet4Address) java.net.InetAddress.getByAddress(src));
                    }
                }
            }
        } catch (ErrnoException e) {
            if (!socket.isClosed()) {
                LOG.warn("ICMP receive failed: {}", e.getMessage());
            }
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e); // four bytes are always an address
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
