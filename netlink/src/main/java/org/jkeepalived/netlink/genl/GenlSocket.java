package org.jkeepalived.netlink.genl;

import static org.jkeepalived.netlink.rtnl.Rtnetlink.NLMSG_DONE;
import static org.jkeepalived.netlink.rtnl.Rtnetlink.NLMSG_ERROR;
import static org.jkeepalived.netlink.rtnl.Rtnetlink.NLM_F_ACK;
import static org.jkeepalived.netlink.rtnl.Rtnetlink.NLM_F_DUMP;
import static org.jkeepalived.netlink.rtnl.Rtnetlink.NLM_F_REQUEST;

import com.sun.jna.Memory;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jkeepalived.netlink.rtnl.NetlinkMessage;
import org.jkeepalived.netlink.sys.ErrnoException;
import org.jkeepalived.netlink.sys.LibC;
import org.jkeepalived.netlink.sys.NativeSocket;
import org.jkeepalived.netlink.sys.SockaddrNl;

/**
 * A NETLINK_GENERIC socket: resolves family names to ids (CTRL_CMD_GETFAMILY), sends requests and waits for
 * each ACK, runs dumps. A refusal becomes a {@link GenlException}. The socket belongs to the network namespace of
 * the thread that opened it. Calls are serialized (they share one send and one receive buffer); every wait is
 * bounded by {@link #TIMEOUT_MILLIS}.
 */
public final class GenlSocket implements Closeable {
    /** How long a request waits for the kernel's answer. */
    public static final int TIMEOUT_MILLIS = 5_000;
    private static final int BUFFER_SIZE = 256 * 1024;
    private static final int NETLINK_CAP_ACK = 10;

    private final NativeSocket socket;
    private final Memory kernel = SockaddrNl.of(0);
    private final Memory sendMemory = new Memory(BUFFER_SIZE);
    private final Memory receiveMemory = new Memory(BUFFER_SIZE);
    private final ByteBuffer sendBuffer = sendMemory.getByteBuffer(0, BUFFER_SIZE).order(ByteOrder.nativeOrder());
    private final ByteBuffer receiveBuffer = receiveMemory.getByteBuffer(0, BUFFER_SIZE).order(ByteOrder.nativeOrder());
    private final Map<String, Integer> families = new HashMap<>();
    private int seq = (int) (System.nanoTime() & 0x3fffffff);

    private GenlSocket(NativeSocket socket) {
        this.socket = socket;
    }

    /** Opens a generic netlink socket in the calling thread's network namespace. */
    public static GenlSocket open() throws ErrnoException {
        NativeSocket s = NativeSocket.open(LibC.AF_NETLINK, LibC.SOCK_RAW, Genetlink.NETLINK_GENERIC, "genetlink");
        try {
            optional(s, NETLINK_CAP_ACK);
            optional(s, LibC.NETLINK_EXT_ACK);
            try (Memory local = SockaddrNl.of(0)) {
                s.bind(local, SockaddrNl.SIZE);
            }
            return new GenlSocket(s);
        } catch (ErrnoException e) {
            s.close();
            throw e;
        }
    }

    private static void optional(NativeSocket s, int option) {
        try {
            s.setInt(LibC.SOL_NETLINK, option, 1, "SOL_NETLINK");
        } catch (ErrnoException e) {
            // older kernels: full echo in acks, no extended messages
        }
    }

    /** The id of family {@code name} (e.g. "IPVS"); ENOENT when the kernel has no such family (module absent). */
    public synchronized int family(String name) throws IOException {
        Integer known = families.get(name);
        if (known != null) {
            return known;
        }
        int s = nextSeq();
        sendBuffer.clear();
        GenlMessage.encodeGetFamily(new GenlMessageWriter(sendBuffer), s, name);
        GenlMessage reply = exchange(s, false, "CTRL_CMD_GETFAMILY", name, true).get(0);
        int id = reply.attributes().u16(Genetlink.CTRL_ATTR_FAMILY_ID, -1);
        if (id < 0) {
            throw new IOException("CTRL_CMD_GETFAMILY(" + name + "): reply without a family id");
        }
        families.put(name, id);
        return id;
    }

    /** Sends one request and waits for its ACK. */
    public synchronized void request(int family, int cmd, int version, String call, String subject,
                                     Consumer<GenlMessageWriter> attributes) throws IOException {
        int s = prepare(family, NLM_F_REQUEST | NLM_F_ACK, cmd, version, attributes);
        exchange(s, false, call, subject, false);
    }

    /** Sends one request and returns its single reply (e.g. IPVS_CMD_GET_INFO). */
    public synchronized GenlMessage query(int family, int cmd, int version, String call, String subject,
                                          Consumer<GenlMessageWriter> attributes) throws IOException {
        int s = prepare(family, NLM_F_REQUEST | NLM_F_ACK, cmd, version, attributes);
        List<GenlMessage> replies = exchange(s, false, call, subject, true);
        if (replies.isEmpty()) {
            throw new IOException(call + ": no reply");
        }
        return replies.get(0);
    }

    /** Runs a dump and decodes each message it returns. */
    public synchronized <T> List<T> dump(int family, int cmd, int version, String call, String subject,
                                         Consumer<GenlMessageWriter> attributes, Function<GenlMessage, T> decoder)
            throws IOException {
        int s = prepare(family, NLM_F_REQUEST | NLM_F_ACK | NLM_F_DUMP, cmd, version, attributes);
        List<GenlMessage> replies = exchange(s, true, call, subject, true);
        List<T> out = new ArrayList<>(replies.size());
        for (GenlMessage m : replies) {
            out.add(decoder.apply(m));
        }
        return out;
    }

    @Override
    public void close() {
        socket.close(); // wakes a request waiting for its answer, which then fails
        synchronized (this) {
            kernel.close();
            sendMemory.close();
            receiveMemory.close();
        }
    }

    private int prepare(int family, int flags, int cmd, int version, Consumer<GenlMessageWriter> attributes) {
        int s = nextSeq();
        sendBuffer.clear();
        GenlMessageWriter w = new GenlMessageWriter(sendBuffer).begin(family, flags, s, cmd, version);
        attributes.accept(w);
        w.end();
        return s;
    }

    /** Sends the prepared message and collects replies until the ACK (or NLMSG_DONE for a dump). */
    private List<GenlMessage> exchange(int s, boolean dump, String call, String subject, boolean keepReplies)
            throws IOException {
        socket.sendTo(sendMemory, sendBuffer.position(), kernel, SockaddrNl.SIZE);
        List<GenlMessage> replies = new ArrayList<>();
        while (true) {
            int n = socket.receive(receiveMemory, BUFFER_SIZE, 0, null, null, TIMEOUT_MILLIS);
            if (n == NativeSocket.CLOSED) {
                throw new IOException(call + ": generic netlink socket closed");
            }
            if (n == NativeSocket.TIMED_OUT) {
                throw new IOException(call + "(" + subject + "): no answer from the kernel in " + TIMEOUT_MILLIS + " ms");
            }
            for (NetlinkMessage m : NetlinkMessage.parseAll(receiveBuffer, n)) {
                if (m.seq() != s) {
                    continue;
                }
                if (m.type() == NLMSG_ERROR) {
                    if (m.error() != 0) {
                        throw new GenlException(call, subject, -m.error(), m.extendedAckMessage());
                    }
                    if (!dump) {
                        return replies;
                    }
                } else if (m.type() == NLMSG_DONE) {
                    return replies;
                } else if (keepReplies) {
                    replies.add(GenlMessage.of(copy(m))); // the receive buffer is reused for the next datagram
                }
            }
        }
    }

    private static NetlinkMessage copy(NetlinkMessage m) {
        ByteBuffer body = ByteBuffer.allocate(m.body().remaining()).order(ByteOrder.nativeOrder());
        body.put(m.body().duplicate()).flip();
        return new NetlinkMessage(m.type(), m.flags(), m.seq(), m.pid(), body);
    }

    private int nextSeq() {
        if (socket.isClosed()) {
            throw new IllegalStateException("generic netlink socket closed");
        }
        return ++seq;
    }
}
