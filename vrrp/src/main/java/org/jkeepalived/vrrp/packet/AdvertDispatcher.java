package org.jkeepalived.vrrp.packet;

import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * The receive path's first step: hands each packet from one socket (one interface and address family,
 * as keepalived's sockpool does) to the {@link AdvertFilter} of the instance with its VRID. A packet too
 * short to carry a VRID, or for a VRID no instance has, is counted in the router-wide {@link VrrpStats}
 * (packet_len_err, vrid_err) and dropped: it is no instance's business.
 */
public final class AdvertDispatcher {
    private final AdvertFilter[] byVrid = new AdvertFilter[256];
    private final VrrpStats routerStats;

    public AdvertDispatcher(VrrpStats routerStats) {
        this.routerStats = Objects.requireNonNull(routerStats, "routerStats");
    }

    /** Adds an instance's filter; one instance per VRID per socket. */
    public void register(AdvertFilter filter) {
        int vrid = filter.expectations().vrid();
        if (byVrid[vrid] != null) {
            throw new IllegalArgumentException("VRID " + vrid + " already has instance "
                    + byVrid[vrid].expectations().name());
        }
        byVrid[vrid] = filter;
    }

    public void unregister(int vrid) {
        byVrid[vrid] = null;
    }

    /** The filter for a VRID, or null. */
    public AdvertFilter filter(int vrid) {
        return vrid >= 0 && vrid < 256 ? byVrid[vrid] : null;
    }

    /** Counters for packets that reached no instance. */
    public VrrpStats routerStats() {
        return routerStats;
    }

    /** Dispatches a VRRP message without IP header (IPv6 sockets); see {@link AdvertFilter#receive}. */
    public Verdict dispatch(ByteBuffer vrrp, Reception from) {
        if (vrrp.remaining() < 2) {
            routerStats.drop(DropReason.PACKET_LEN_ERR);
            return DropReason.PACKET_LEN_ERR;
        }
        AdvertFilter f = byVrid[vrrp.get(vrrp.position() + 1) & 0xff];
        if (f == null) {
            routerStats.drop(DropReason.VRID_ERR);
            return DropReason.VRID_ERR;
        }
        return f.receive(vrrp, from);
    }

    /** Dispatches a whole IPv4 datagram (VRRP or AH + VRRP); see {@link AdvertFilter#receiveIpv4}. */
    public Verdict dispatchIpv4(ByteBuffer datagram) {
        int off = datagram.position();
        int len = datagram.remaining();
        int vridAt = -1;
        if (len >= Ipv4Header.MIN_LENGTH) {
            int ihl = (datagram.get(off) & 0xf) * 4;
            int proto = datagram.get(off + 9) & 0xff;
            vridAt = off + ihl + (proto == Ipv4Header.PROTO_AH ? IpsecAh.LENGTH : 0) + 1;
        }
        if (vridAt < 0 || vridAt >= off + len) {
            routerStats.drop(DropReason.PACKET_LEN_ERR);
            return DropReason.PACKET_LEN_ERR;
        }
        AdvertFilter f = byVrid[datagram.get(vridAt) & 0xff];
        if (f == null) {
            routerStats.drop(DropReason.VRID_ERR);
            return DropReason.VRID_ERR;
        }
        return f.receiveIpv4(datagram);
    }
}
