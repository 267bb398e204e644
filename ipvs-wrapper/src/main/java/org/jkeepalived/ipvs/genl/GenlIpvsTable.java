package org.jkeepalived.ipvs.genl;

import static org.jkeepalived.ipvs.genl.IpvsGenl.*;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import java.util.function.Consumer;
import org.jkeepalived.ipvs.Destination;
import org.jkeepalived.ipvs.DestinationDump;
import org.jkeepalived.ipvs.DestinationKey;
import org.jkeepalived.ipvs.IpvsException;
import org.jkeepalived.ipvs.IpvsInfo;
import org.jkeepalived.ipvs.IpvsTable;
import org.jkeepalived.ipvs.Service;
import org.jkeepalived.ipvs.ServiceDump;
import org.jkeepalived.ipvs.ServiceKey;
import org.jkeepalived.netlink.genl.GenlException;
import org.jkeepalived.netlink.genl.GenlMessageWriter;
import org.jkeepalived.netlink.genl.GenlSocket;
import org.jkeepalived.netlink.sys.ErrnoException;

/**
 * The kernel's IPVS table over generic netlink (family "IPVS"), one request per call, as ipvsadm and keepalived
 * program it. Refusals become {@link IpvsException}s carrying the errno. Needs CAP_NET_ADMIN and the ip_vs module
 * (the kernel loads it on demand when the family is looked up).
 */
public final class GenlIpvsTable implements IpvsTable, Closeable {
    private final GenlSocket socket;
    private final int family;

    private GenlIpvsTable(GenlSocket socket, int family) {
        this.socket = socket;
        this.family = family;
    }

    /** Opens a socket in the calling thread's network namespace and resolves the IPVS family. */
    public static GenlIpvsTable open() throws IOException {
        GenlSocket s = GenlSocket.open();
        try {
            return new GenlIpvsTable(s, s.family(FAMILY_NAME));
        } catch (ErrnoException e) {
            s.close();
            throw new IpvsException("IPVS is not available (no ip_vs module?): " + e.getMessage(), e.errno(), e);
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    @Override
    public IpvsInfo info() throws IOException {
        try {
            return IpvsCodec.decodeInfo(socket.query(family, CMD_GET_INFO, VERSION, commandName(CMD_GET_INFO), null,
                    w -> { }));
        } catch (GenlException e) {
            throw translate(e);
        }
    }

    @Override
    public List<ServiceDump> services() throws IOException {
        try {
            return socket.dump(family, CMD_GET_SERVICE, VERSION, commandName(CMD_GET_SERVICE), null, w -> { },
                    IpvsCodec::decodeService);
        } catch (GenlException e) {
            throw translate(e);
        }
    }

    @Override
    public List<DestinationDump> destinations(ServiceKey service) throws IOException {
        try {
            return socket.dump(family, CMD_GET_DEST, VERSION, commandName(CMD_GET_DEST), service.toString(),
                    w -> IpvsCodec.serviceKey(w, service), m -> IpvsCodec.decodeDestination(m, service.family()));
        } catch (GenlException e) {
            throw translate(e);
        }
    }

    @Override
    public void addService(Service s) throws IOException {
        request(CMD_NEW_SERVICE, s.key().toString(), w -> IpvsCodec.service(w, s));
    }

    @Override
    public void editService(Service s) throws IOException {
        request(CMD_SET_SERVICE, s.key().toString(), w -> IpvsCodec.service(w, s));
    }

    @Override
    public void deleteService(ServiceKey key) throws IOException {
        request(CMD_DEL_SERVICE, key.toString(), w -> IpvsCodec.serviceRef(w, key));
    }

    @Override
    public void addDestination(ServiceKey key, Destination d) throws IOException {
        request(CMD_NEW_DEST, key + " -> " + d.key(), w -> {
            IpvsCodec.serviceRef(w, key);
            IpvsCodec.destination(w, d);
        });
    }

    @Override
    public void editDestination(ServiceKey key, Destination d) throws IOException {
        request(CMD_SET_DEST, key + " -> " + d.key(), w -> {
            IpvsCodec.serviceRef(w, key);
            IpvsCodec.destination(w, d);
        });
    }

    @Override
    public void deleteDestination(ServiceKey key, DestinationKey d) throws IOException {
        request(CMD_DEL_DEST, key + " -> " + d, w -> {
            IpvsCodec.serviceRef(w, key);
            IpvsCodec.destinationRef(w, d);
        });
    }

    @Override
    public void flush() throws IOException {
        request(CMD_FLUSH, null, w -> { });
    }

    @Override
    public void close() {
        socket.close();
    }

    private void request(int cmd, String subject, Consumer<GenlMessageWriter> attributes) throws IOException {
        try {
            socket.request(family, cmd, VERSION, commandName(cmd), subject, attributes);
        } catch (GenlException e) {
            throw translate(e);
        }
    }

    private static IpvsException translate(GenlException e) {
        return new IpvsException(e.getMessage(), e.errno(), e);
    }
}
