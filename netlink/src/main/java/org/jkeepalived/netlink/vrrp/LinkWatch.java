package org.jkeepalived.netlink.vrrp;

import java.io.Closeable;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jkeepalived.netlink.rtnl.AddressEvent;
import org.jkeepalived.netlink.rtnl.Link;
import org.jkeepalived.netlink.rtnl.LinkEvent;
import org.jkeepalived.netlink.rtnl.RtnetlinkMonitor;
import org.jkeepalived.netlink.rtnl.RtnetlinkSocket;
import org.jkeepalived.vrrp.router.VrrpNetwork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Link and address events for the VRRP router from an {@link RtnetlinkMonitor}: a link is up when it
 * can carry traffic (UP, LOWER_UP and RUNNING: a veth whose peer went down keeps UP), and address
 * deletions are reported by interface name. After an event overrun the links are dumped again and
 * each one's state reported.
 */
final class LinkWatch implements RtnetlinkMonitor.Listener, Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(LinkWatch.class);

    private final RtnetlinkSocket rtnl;
    private final VrrpNetwork.LinkListener listener;
    private final Map<Integer, String> names = new ConcurrentHashMap<>();
    private RtnetlinkMonitor monitor;

    private LinkWatch(RtnetlinkSocket rtnl, VrrpNetwork.LinkListener listener) {
        this.rtnl = rtnl;
        this.listener = listener;
    }

    static LinkWatch start(RtnetlinkSocket rtnl, VrrpNetwork.LinkListener listener) throws IOException {
        LinkWatch w = new LinkWatch(rtnl, listener);
        w.monitor = RtnetlinkMonitor.start(RtnetlinkMonitor.DEFAULT_GROUPS, w);
        for (Link l : rtnl.dumpLinks()) {
            w.names.put(l.index(), l.name());
        }
        return w;
    }

    @Override
    public void linkChanged(LinkEvent event) {
        Link l = event.link();
        if (l.name() != null) {
            names.put(l.index(), l.name());
        }
        String name = l.name() != null ? l.name() : names.get(l.index());
        if (event.deleted()) {
            names.remove(l.index());
        }
        if (name != null) {
            listener.linkChanged(name, !event.deleted() && l.isOperational());
        }
    }

    @Override
    public void addressChanged(AddressEvent event) {
        if (event.deleted()) {
            String name = names.get(event.address().ifindex());
            if (name != null) {
                listener.addressDeleted(name, event.address().address());
            }
        }
    }

    @Override
    public void eventsLost() {
        try {
            for (Link l : rtnl.dumpLinks()) {
                names.put(l.index(), l.name());
                listener.linkChanged(l.name(), l.isOperational());
            }
        } catch (IOException e) {
            LOG.error("cannot resynchronize links after an event overrun: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        monitor.close();
    }
}
