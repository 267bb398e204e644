package org.jkeepalived.vrrp.packet;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Receive validation for one vrrp_instance: turns a received VRRP message into an {@link Verdict.Accepted}
 * advert or a {@link DropReason}, counting every packet in {@link VrrpStats} exactly once. Never throws
 * for bad input. The {@link AdvertDispatcher} has already chosen this instance by VRID.
 *
 * <p>Order of checks (keepalived's {@code vrrp_check_packet}, as far as its messages show): AH presence
 * against auth type; TTL / hop limit (255 for multicast, RFC 3768 §7.1 / RFC 5798 §7.1); then the codec's
 * length, version, type, checksum and auth type code; instance version and VRID; unicast source
 * ({@code check_unicast_src}); v2 auth type, password or AH ICV; v2 Adver Int (dropped, RFC 3768 §7.1;
 * for v3 a different interval is logged only: a backup learns the master's, RFC 5798 §6.4.2); address
 * list (counted as addr_list_err and logged, not dropped); priority 0 (counted as pri_zero_rcvd).
 */
public final class AdvertFilter {
    private final InstanceExpectations expect;
    private final VrrpStats stats;
    private final RateLimitedLog log;
    private final byte[] password;
    private final IpsecAh ah;
    private InetAddress lastSource; // for skip_check_adv_addr

    public AdvertFilter(InstanceExpectations expectations, VrrpStats stats, RateLimitedLog log) {
        this.expect = Objects.requireNonNull(expectations, "expectations");
        this.stats = Objects.requireNonNull(stats, "stats");
        this.log = Objects.requireNonNull(log, "log");
        this.password = VrrpAdvert.passwordBytes(expectations.password());
        this.ah = expectations.authType() == AuthType.AH ? new IpsecAh(expectations.password()) : null;
    }

    public InstanceExpectations expectations() {
        return expect;
    }

    public VrrpStats stats() {
        return stats;
    }

    /**
     * Validates a whole IPv4 datagram as a raw IPv4 socket returns it (header included): VRRP directly
     * (protocol 112) or behind an AH header (protocol 51). Reads {@code datagram}'s remaining bytes
     * without moving its position.
     */
    public Verdict receiveIpv4(ByteBuffer datagram) {
        int ipOffset = datagram.position();
        Ipv4Header ip;
        try {
            ip = Ipv4Header.parse(datagram);
            if (ip.protocol() == Ipv4Header.PROTO_AH) {
                if (ah == null) {
                    return drop(DropReason.AUTHTYPE_MISMATCH, "Received AH header but auth type not AH");
                }
                IpsecAh.checkHeader(datagram, ipOffset + ip.headerLength());
            } else if (ip.protocol() != Ipv4Header.PROTO_VRRP) {
                return drop(DropReason.INVALID_TYPE_RCVD, "bad IP protocol " + ip.protocol() + " (expected 112)");
            } else if (ah != null) {
                return drop(DropReason.AUTHTYPE_MISMATCH, "No AH header but auth type is AH");
            }
        } catch (VrrpPacketException e) {
            return drop(e.reason(), e.getMessage());
        }
        boolean viaAh = ip.protocol() == Ipv4Header.PROTO_AH;
        int vrrpOffset = ipOffset + ip.headerLength() + (viaAh ? IpsecAh.LENGTH : 0);
        ByteBuffer vrrp = datagram.duplicate().position(vrrpOffset);
        return validate(vrrp, ip.source(), ip.destination(), ip.ttl(), viaAh ? datagram : null, ipOffset,
                ip.headerLength());
    }

    /**
     * Validates a VRRP message without an IP header (IPv6, or IPv4 with the header already stripped; an
     * AH-authenticated advert must come through {@link #receiveIpv4}). Reads {@code vrrp}'s remaining bytes
     * without moving its position.
     */
    public Verdict receive(ByteBuffer vrrp, Reception from) {
        if (ah != null) {
            return drop(DropReason.AUTHTYPE_MISMATCH, "No AH header but auth type is AH");
        }
        return validate(vrrp.duplicate(), from.source(), from.destination(), from.ttl(), null, 0, 0);
    }

    private Verdict validate(ByteBuffer vrrp, InetAddress source, InetAddress destination, int ttl,
                             ByteBuffer ahDatagram, int ipOffset, int ipHeaderLength) {
        boolean unicast = !destination.isMulticastAddress();
        if (!unicast && ttl != 255) {
            return drop(DropReason.IP_TTL_ERR, "invalid TTL/HL. Received " + ttl + " and expect 255");
        }
        VrrpAdvert advert;
        try {
            advert = VrrpCodec.decode(vrrp, source, destination, expect.v3ChecksumAsV2());
        } catch (VrrpPacketException e) {
            return drop(e.reason(), e.getMessage());
        }
        if (advert.version() != expect.version()) {
            return drop(DropReason.VERS_ERR, "wrong version. Received " + advert.version() + " and expect "
                    + expect.version());
        }
        if (advert.vrid() != expect.vrid()) {
            return drop(DropReason.VRID_ERR, "bad vrid " + advert.vrid() + " (expected " + expect.vrid() + ")");
        }
        if (unicast && expect.checkUnicastSrc() && !expect.unicastPeers().contains(source)) {
            return drop(DropReason.UNICAST_SRC_ERR, "unicast source address " + AddressText.of(source)
                    + " not a unicast peer");
        }
        if (advert.version() == 2) {
            Verdict authVerdict = checkAuth(advert, ahDatagram, ipOffset, ipHeaderLength);
            if (authVerdict != null) {
                return authVerdict;
            }
            if (advert.advertInterval() != expect.advertInterval()) {
                return drop(DropReason.ADVERT_INTERVAL_ERR, "advertisement interval mismatch mine="
                        + expect.advertInterval() + " sec rcv'd=" + advert.advertInterval() + " sec");
            }
        } else if (advert.advertInterval() != expect.advertInterval() && log.enabled()) {
            log.debug(expect.name(), "advertisement interval " + advert.advertInterval() + "cs differs from mine "
                    + expect.advertInterval() + "cs");
        }
        boolean mismatch = false;
        if (advert.priority() != 0 && !(expect.skipCheckAdvAddr() && source.equals(lastSource))) {
            mismatch = !sameAddresses(advert.addresses(), expect.virtualAddresses());
            if (mismatch) {
                stats.addressListError();
                if (log.enabled()) {
                    log.debug(expect.name(), "address list mismatch: received " + advert.addresses().size()
                            + " addresses " + text(advert.addresses()) + ", expected " + text(expect.virtualAddresses()));
                }
            }
        }
        lastSource = source;
        if (advert.priority() == 0) {
            stats.priorityZeroReceived();
        }
        stats.advertReceived();
        return new Verdict.Accepted(advert, mismatch);
    }

    /** Null if the v2 authentication is right, else the drop. */
    private Verdict checkAuth(VrrpAdvert advert, ByteBuffer ahDatagram, int ipOffset, int ipHeaderLength) {
        if (advert.authType() != expect.authType()) {
            return drop(DropReason.AUTHTYPE_MISMATCH, "received a " + advert.authType().code() + " auth, expecting "
                    + expect.authType().code() + "!");
        }
        if (advert.authType() == AuthType.PASS && !advert.authDataEquals(password)) {
            return drop(DropReason.AUTH_FAILURE, "received an invalid passwd!");
        }
        if (advert.authType() == AuthType.AH) {
            if (ahDatagram == null) {
                return drop(DropReason.AUTHTYPE_MISMATCH, "No AH header but auth type is AH");
            }
            try {
                ah.verify(ahDatagram, ipOffset, ipHeaderLength);
            } catch (VrrpPacketException e) {
                return drop(e.reason(), e.getMessage());
            }
        }
        return null;
    }

    // RFC 3768 §7.1: the count and the addresses must match; order does not matter. Small lists: no set.
    private static boolean sameAddresses(List<InetAddress> got, List<InetAddress> want) {
        if (got.size() != want.size()) {
            return false;
        }
        for (InetAddress a : want) {
            if (!got.contains(a)) {
                return false;
            }
        }
        return true;
    }

    private static String text(List<InetAddress> addrs) {
        String[] s = new String[addrs.size()];
        for (int i = 0; i < s.length; i++) {
            s[i] = AddressText.of(addrs.get(i));
        }
        return Arrays.toString(s);
    }

    private DropReason drop(DropReason reason, String message) {
        stats.drop(reason);
        log.debug(expect.name(), message);
        return reason;
    }
}
