package org.jkeepalived.netlink.rtnl;

import static org.jkeepalived.netlink.rtnl.Rtnetlink.*;

import com.sun.jna.Memory;
import java.io.Closeable;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.jkeepalived.netlink.nl.MalformedNetlinkException;
import org.jkeepalived.netlink.nl.NetlinkMessage;
import org.jkeepalived.netlink.sys.Errno;
import org.jkeepalived.netlink.sys.ErrnoException;
import org.jkeepalived.netlink.sys.LibC;
import org.jkeepalived.netlink.sys.NativeSocket;
import org.jkeepalived.netlink.sys.SockaddrNl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A NETLINK_ROUTE socket subscribed to link and address multicast groups, with a daemon thread
 * that blocks in receive and hands parsed events to a {@link Listener}. {@link #close()} wakes the
 * thread and waits (bounded) for it to finish.
 */
public final class RtnetlinkMonitor implements Closeable {
    /** RTMGRP_LINK | RTMGRP_IPV4_IFADDR | RTMGRP_IPV6_IFADDR. */
    public static final int DEFAULT_GROUPS = RTMGRP_LINK | RTMGRP_IPV4_IFADDR | RTMGRP_IPV6_IFADDR;
    private static final Logger LOG = LoggerFactory.getLogger(RtnetlinkMonitor.class);
    private static final int BUFFER_SIZE = 64 * 1024;

    /** Receives kernel events on the monitor thread; must not block for long. */
    public interface Listener {
        default void linkChanged(LinkEvent event) {
        }

        default void addressChanged(AddressEvent event) {
        }

        /**
         * The socket's receive buffer overflowed (ENOBUFS) and events were lost: the listener should
         * dump links and addresses again to resynchronize.
         */
        default void eventsLost() {
        }
    }

    private final NativeSocket socket;
    private final Listener listener;
    private final Memory buffer = new Memory(BUFFER_SIZE);
    private final Thread thread;

    private RtnetlinkMonitor(NativeSocket socket, Listener listener) {
        this.socket = socket;
        this.listener = listener;
        this.thread = new Thread(this::run, "rtnetlink-monitor");
        this.thread.setDaemon(true);
    }

    /**
     * Subscribes to {@code groups} (RTMGRP_* bitmask) in the calling thread's network namespace and
     * starts delivering events.
     */
    public static RtnetlinkMonitor start(int groups, Listener listener) throws ErrnoException {
        NativeSocket s = NativeSocket.open(LibC.AF_NETLINK, LibC.SOCK_RAW, LibC.NETLINK_ROUTE, "rtnetlink monitor");
        try {
            s.setInt(LibC.SOL_SOCKET, LibC.SO_RCVBUF, 1 << 20, "SO_RCVBUF");
            try (Memory local = SockaddrNl.of(groups)) {
                s.bind(local, SockaddrNl.SIZE);
            }
        } catch (ErrnoException e) {
            s.close();
            throw e;
        }
        RtnetlinkMonitor m = new RtnetlinkMonitor(s, listener);
        m.thread.start();
        return m;
    }

    private void run() {
        ByteBuffer view = buffer.getByteBuffer(0, BUFFER_SIZE).order(ByteOrder.nativeOrder());
        while (!socket.isClosed()) {
            int n;
            try {
                n = socket.receive(buffer, BUFFER_SIZE, 0, null, null);
            } catch (ErrnoException e) {
                if (e.errno() == Errno.ENOBUFS.code()) {
                    LOG.warn("rtnetlink monitor overrun: events lost, resynchronizing");
                    deliverLost();
                    continue;
                }
                if (!socket.isClosed()) {
                    LOG.error("rtnetlink monitor stopped: {}", e.getMessage());
                }
                return;
            }
            if (n == NativeSocket.CLOSED) {
                return;
            }
            try {
                for (NetlinkMessage m : NetlinkMessage.parseAll(view, n)) {
                    dispatch(m);
                }
            } catch (MalformedNetlinkException e) {
                LOG.debug("dropping malformed rtnetlink event: {}", e.getMessage());
            }
        }
    }

    private void dispatch(NetlinkMessage m) {
        try {
            switch (m.type()) {
                case RTM_NEWLINK, RTM_DELLINK ->
                        listener.linkChanged(new LinkEvent(LinkCodec.decode(m), m.type() == RTM_DELLINK));
                case RTM_NEWADDR, RTM_DELADDR ->
                        listener.addressChanged(new AddressEvent(AddressCodec.decode(m), m.type() == RTM_DELADDR));
                default -> { }
            }
        } catch (MalformedNetlinkException e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.error("rtnetlink listener failed on {}", Rtnetlink.typeName(m.type()), e);
        }
    }

    private void deliverLost() {
        try {
            listener.eventsLost();
        } catch (RuntimeException e) {
            LOG.error("rtnetlink listener failed on overrun", e);
        }
    }

    /** Stops the thread (waiting at most 2 s) and closes the socket. */
    @Override
    public void close() {
        socket.close();
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!thread.isAlive()) {
            buffer.close();
        }
    }
}
