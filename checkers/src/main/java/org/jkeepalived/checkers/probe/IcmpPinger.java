package org.jkeepalived.checkers.probe;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.jkeepalived.netlink.icmp.IcmpEchoSocket;
import org.jkeepalived.netlink.sys.ErrnoException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PING_CHECK's echo over the netlink module's raw ICMP and ICMPv6 sockets (as keepalived, which opens one of each),
 * each echo bounded by connect_timeout on the probe reactor. A family whose socket cannot be opened (IPv6 disabled,
 * say) fails its checks with the reason; the other still works.
 */
public final class IcmpPinger implements EchoPinger, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(IcmpPinger.class);

    private final Optional<IcmpEchoSocket> v4;
    private final Optional<IcmpEchoSocket> v6;
    private final ProbeReactor reactor;

    private IcmpPinger(Optional<IcmpEchoSocket> v4, Optional<IcmpEchoSocket> v6, ProbeReactor reactor) {
        this.v4 = v4;
        this.v6 = v6;
        this.reactor = reactor;
    }

    /** Opens the ICMP and ICMPv6 sockets, or empty (logged) where neither is allowed. */
    public static Optional<IcmpPinger> open(ProbeReactor reactor) {
        Optional<IcmpEchoSocket> v4 = open(false);
        Optional<IcmpEchoSocket> v6 = open(true);
        if (v4.isEmpty() && v6.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new IcmpPinger(v4, v6, reactor));
    }

    private static Optional<IcmpEchoSocket> open(boolean ipv6) {
        try {
            return Optional.of(ipv6 ? IcmpEchoSocket.openIpv6() : IcmpEchoSocket.open());
        } catch (ErrnoException | RuntimeException | UnsatisfiedLinkError e) {
            LOG.warn("PING_CHECK cannot open an {} socket: {}", ipv6 ? "ICMPv6" : "ICMP", e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public void ping(InetAddress target, Duration timeout, Consumer<ProbeResult> done) {
        boolean ipv6 = target instanceof Inet6Address;
        Optional<IcmpEchoSocket> family = ipv6 ? v6 : v4;
        if (family.isEmpty()) {
            done.accept(ProbeResult.failed("no " + (ipv6 ? "ICMPv6" : "ICMP") + " socket"));
            return;
        }
        IcmpEchoSocket socket = family.get();
        AtomicBoolean over = new AtomicBoolean();
        int[] seq = new int[1];
        Runnable[] timer = new Runnable[1];
        try {
            timer[0] = reactor.after(timeout.toNanos(), () -> {
                if (over.compareAndSet(false, true)) {
                    socket.forget(seq[0]);
                    done.accept(ProbeResult.failed("no echo reply from " + target.getHostAddress()));
                }
            });
            seq[0] = socket.echo(target, from -> {
                if (over.compareAndSet(false, true)) {
                    timer[0].run();
                    done.accept(ProbeResult.ok());
                }
            });
        } catch (ErrnoException e) {
            if (over.compareAndSet(false, true)) {
                timer[0].run();
                done.accept(ProbeResult.failed(e.getMessage()));
            }
        }
    }

    @Override
    public void close() {
        v4.ifPresent(IcmpEchoSocket::close);
        v6.ifPresent(IcmpEchoSocket::close);
    }
}
