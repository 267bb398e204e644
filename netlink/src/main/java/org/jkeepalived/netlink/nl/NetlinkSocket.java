package org.jkeepalived.netlink.nl;

import static org.jkeepalived.netlink.nl.Netlink.NLMSG_DONE;
import static org.jkeepalived.netlink.nl.Netlink.NLMSG_ERROR;

import com.sun.jna.Memory;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.function.Consumer;
import org.jkeepalived.netlink.sys.ErrnoException;
import org.jkeepalived.netlink.sys.LibC;
import org.jkeepalived.netlink.sys.NativeSocket;
import org.jkeepalived.netlink.sys.SockaddrNl;

/**
 * A netlink request socket: sends one prepared request to the kernel and reads answers until its ACK (or, for a
 * dump, NLMSG_DONE), turning an NLMSG_ERROR into the family's {@link NetlinkErrorException}. Subclasses write
 * the request into {@link #sendBuffer()} and hold the monitor ({@code synchronized}) for a whole call, since
 * calls share one send and one receive buffer. The socket belongs to the network namespace of the thread that
 * opened it; every wait is bounded by {@link #TIMEOUT_MILLIS}.
 */
public abstract class NetlinkSocket implements Closeable {
    /** How long a request waits for the kernel's answer. */
    public static final int TIMEOUT_MILLIS = 5_000;

    private final NativeSocket socket;
    private final String name;
    private final int bufferSize;
    private final Memory kernel = SockaddrNl.of(0);
    private final Memory sendMemory;
    private final Memory receiveMemory;
    private final ByteBuffer sendBuffer;
    private final ByteBuffer receiveBuffer;
    private int seq = (int) (System.nanoTime() & 0x3fffffff);

    /** Takes over {@code socket} (from {@link #openBound}); {@code name} appears in errors ("rtnetlink"). */
    protected NetlinkSocket(NativeSocket socket, String name, int bufferSize) {
        this.socket = socket;
        this.name = name;
        this.bufferSize = bufferSize;
        this.sendMemory = new Memory(bufferSize);
        this.receiveMemory = new Memory(bufferSize);
        this.sendBuffer = sendMemory.getByteBuffer(0, bufferSize).order(ByteOrder.nativeOrder());
        this.receiveBuffer = receiveMemory.getByteBuffer(0, bufferSize).order(ByteOrder.nativeOrder());
    }

    /**
     * Opens a netlink socket of {@code protocol} in the calling thread's network namespace, asks for capped and
     * extended acks where the kernel has them, and binds it to a kernel-chosen port id.
     */
    protected static NativeSocket openBound(int protocol, String name) throws ErrnoException {
        NativeSocket s = NativeSocket.open(LibC.AF_NETLINK, LibC.SOCK_RAW, protocol, name);
        try {
            optional(s, Netlink.NETLINK_CAP_ACK, "NETLINK_CAP_ACK");
            optional(s, LibC.NETLINK_EXT_ACK, "NETLINK_EXT_ACK");
            try (Memory local = SockaddrNl.of(0)) {
                s.bind(local, SockaddrNl.SIZE);
            }
            return s;
        } catch (ErrnoException e) {
            s.close();
            throw e;
        }
    }

    private static void optional(NativeSocket s, int option, String optionName) {
        try {
            s.setInt(LibC.SOL_NETLINK, option, 1, optionName);
        } catch (ErrnoException e) {
            // older kernels: full echo in acks, no extended messages
        }
    }

    /** The refusal of {@code call} on {@code subject} with {@code errno}, as the family's exception. */
    protected abstract NetlinkErrorException refused(String call, String subject, int errno, String kernelMessage);

    /** How a call is named in a timeout message: {@code RTM_NEWADDR(192.0.2.10/24 ifindex 3)}. */
    protected String describeCall(String call, String subject) {
        return call + (subject == null ? "" : "(" + subject + ")");
    }

    /** The sequence number of the next request; fails once the socket is closed. */
    protected final int nextSeq() {
        if (socket.isClosed()) {
            throw new IllegalStateException(name + " socket closed");
        }
        return ++seq;
    }

    /** The send buffer, cleared, for the next request. */
    protected final ByteBuffer sendBuffer() {
        sendBuffer.clear();
        return sendBuffer;
    }

    /**
     * Sends the request in the send buffer and hands each answer with sequence number {@code s} other than
     * NLMSG_ERROR/NLMSG_DONE to {@code replies}, until the ACK ({@code dump} false) or NLMSG_DONE. The messages
     * live in the receive buffer: copy what must outlive the call.
     */
    protected final void exchange(int s, boolean dump, String call, String subject,
                                  Consumer<NetlinkMessage> replies) throws IOException {
        socket.sendTo(sendMemory, sendBuffer.position(), kernel, SockaddrNl.SIZE);
        while (true) {
            int n = socket.receive(receiveMemory, bufferSize, 0, null, null, TIMEOUT_MILLIS);
            if (n == NativeSocket.CLOSED) {
                throw new IOException(call + ": " + name + " socket closed");
            }
            if (n == NativeSocket.TIMED_OUT) {
                throw new IOException(describeCall(call, subject) + ": no answer from the kernel in "
                        + TIMEOUT_MILLIS + " ms");
            }
            for (NetlinkMessage m : NetlinkMessage.parseAll(receiveBuffer, n)) {
                if (m.seq() != s) {
                    continue;
                }
                if (m.type() == NLMSG_ERROR) {
                    if (m.error() != 0) {
                        throw refused(call, subject, -m.error(), m.extendedAckMessage());
                    }
                    if (!dump) {
                        return;
                    }
                } else if (m.type() == NLMSG_DONE) {
                    return;
                } else {
                    replies.accept(m);
                }
            }
        }
    }

    @Override
    public void close() {
        socket.close(); // wakes a request waiting for its answer, which then fails and leaves
        synchronized (this) {
            kernel.close();
            sendMemory.close();
            receiveMemory.close();
        }
    }
}
