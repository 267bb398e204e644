package org.jkeepalived.checkers.probe;

import java.net.Inet4Address;
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
 * PING_CHECK's echo over the netlink module's raw ICMP socket, each echo bounded by connect_timeout on the probe
 * reactor. IPv4 only for now.
 */
public final class IcmpPinger implements EchoPinger, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(IcmpPinger.class);

    private final IcmpEchoSocket socket;
    private final ProbeReactor reactor;

    private IcmpPinger(IcmpEchoSocket socket, ProbeReactor reactor) {
        this.socket = socket;
        this.reactor = reactor;
    }

    /** Opens the ICMP socket, or empty (logged) where that is not allowed. */
    public static Optional<IcmpPinger> open(ProbeReactor reactor) {
        try {
            return Optional.of(new IcmpPinger(IcmpEchoSocket.open(), reactor));
        } catch (ErrnoException | RuntimeException | UnsatisfiedLinkError e) {
            LOG.warn("PING_CHECK cannot open an ICMP socket: {}", e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public void ping(InetAddress target, Duration timeout, Consumer<ProbeResult> done) {
        if (!(target instanceof Inet4Address v4)) {
            done.accept(ProbeResult.failed("ICMPv6 echo is not supported"));
            return;
        }
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
            seq[0] = socket.echo(v4, from -> {
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
        socket.close();
    }
}
