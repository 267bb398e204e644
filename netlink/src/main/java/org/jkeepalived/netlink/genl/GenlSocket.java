package org.jkeepalived.netlink.genl;

import static org.jkeepalived.netlink.nl.Netlink.NLM_F_ACK;
import static org.jkeepalived.netlink.nl.Netlink.NLM_F_DUMP;
import static org.jkeepalived.netlink.nl.Netlink.NLM_F_REQUEST;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jkeepalived.netlink.nl.NetlinkErrorException;
import org.jkeepalived.netlink.nl.NetlinkMessage;
import org.jkeepalived.netlink.nl.NetlinkSocket;
import org.jkeepalived.netlink.sys.ErrnoException;
import org.jkeepalived.netlink.sys.NativeSocket;

/**
 * A NETLINK_GENERIC socket: resolves family names to ids (CTRL_CMD_GETFAMILY), sends requests and waits for
 * each ACK, runs dumps. A refusal becomes a {@link GenlException}. The socket belongs to the network namespace of
 * the thread that opened it. Calls are serialized (they share one send and one receive buffer); every wait is
 * bounded by {@link #TIMEOUT_MILLIS}.
 */
public final class GenlSocket extends NetlinkSocket {
    private static final int BUFFER_SIZE = 256 * 1024;

    private final Map<String, Integer> families = new HashMap<>();

    private GenlSocket(NativeSocket socket) {
        super(socket, "generic netlink", BUFFER_SIZE);
    }

    /** Opens a generic netlink socket in the calling thread's network namespace. */
    public static GenlSocket open() throws ErrnoException {
        return new GenlSocket(openBound(Genetlink.NETLINK_GENERIC, "genetlink"));
    }

    /** The id of family {@code name} (e.g. "IPVS"); ENOENT when the kernel has no such family (module absent). */
    public synchronized int family(String name) throws IOException {
        Integer known = families.get(name);
        if (known != null) {
            return known;
        }
        int s = nextSeq();
        GenlMessage.encodeGetFamily(new GenlMessageWriter(sendBuffer()), s, name);
        GenlMessage reply = exchange(s, false, "CTRL_CMD_GETFAMILY", name).get(0);
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
        exchange(s, false, call, subject, m -> { });
    }

    /** Sends one request and returns its single reply (e.g. IPVS_CMD_GET_INFO). */
    public synchronized GenlMessage query(int family, int cmd, int version, String call, String subject,
                                          Consumer<GenlMessageWriter> attributes) throws IOException {
        int s = prepare(family, NLM_F_REQUEST | NLM_F_ACK, cmd, version, attributes);
        List<GenlMessage> replies = exchange(s, false, call, subject);
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
        List<GenlMessage> replies = exchange(s, true, call, subject);
        List<T> out = new ArrayList<>(replies.size());
        for (GenlMessage m : replies) {
            out.add(decoder.apply(m));
        }
        return out;
    }

    @Override
    protected NetlinkErrorException refused(String call, String subject, int errno, String kernelMessage) {
        return new GenlException(call, subject, errno, kernelMessage);
    }

    @Override
    protected String describeCall(String call, String subject) {
        return call + "(" + subject + ")";
    }

    private int prepare(int family, int flags, int cmd, int version, Consumer<GenlMessageWriter> attributes) {
        int s = nextSeq();
        GenlMessageWriter w = new GenlMessageWriter(sendBuffer()).begin(family, flags, s, cmd, version);
        attributes.accept(w);
        w.end();
        return s;
    }

    /** Sends the prepared message and collects the replies until the ACK (or NLMSG_DONE for a dump). */
    private List<GenlMessage> exchange(int s, boolean dump, String call, String subject) throws IOException {
        List<GenlMessage> replies = new ArrayList<>();
        exchange(s, dump, call, subject, m -> replies.add(GenlMessage.of(copy(m))));
        return replies;
    }

    private static NetlinkMessage copy(NetlinkMessage m) {
        ByteBuffer body = ByteBuffer.allocate(m.body().remaining()).order(ByteOrder.nativeOrder());
        body.put(m.body().duplicate()).flip();
        return new NetlinkMessage(m.type(), m.flags(), m.seq(), m.pid(), body);
    }
}
