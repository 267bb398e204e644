package org.jkeepalived.checkers.probe;

import java.io.IOException;
import java.nio.channels.ByteChannel;
import java.util.function.IntConsumer;

/**
 * Opens the TCP connections and UDP sockets Java NIO cannot: bound to an interface ({@code bind_if}, SO_BINDTODEVICE) or carrying
 * a firewall mark ({@code fwmark}, SO_MARK). The kernel side lives in the netlink module ({@link EpollProbeSockets});
 * this port keeps the probe logic free of native code and testable with a fake.
 */
public interface ProbeSockets {
    /**
     * Starts a non-blocking connect to {@code e.connect()} with {@code e}'s bind address, interface and mark.
     * {@code ready} gets {@link java.nio.channels.SelectionKey} operation bits, on any thread, once per
     * {@link Connection#interest} call.
     */
    Connection connect(Endpoint e, IntConsumer ready) throws IOException;

    /**
     * A UDP socket connected to {@code e.connect()} with {@code e}'s options; each read is one datagram, and an
     * ICMP port unreachable shows as {@link java.net.PortUnreachableException} from a read or write.
     */
    Connection connectDatagram(Endpoint e, IntConsumer ready) throws IOException;

    /** One connection; reads and writes return 0 when they would block, as a non-blocking channel's do. */
    interface Connection extends ByteChannel {
        /** Throws the connect's error when it failed; call once readiness for OP_CONNECT was reported. */
        void finishConnect() throws IOException;

        /** Asks for one readiness report for {@code ops} (SelectionKey bits). */
        void interest(int ops) throws IOException;
    }
}
