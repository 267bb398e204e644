package org.jkeepalived.vrrp.engine;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jkeepalived.vrrp.packet.AuthType;

/**
 * What one VRRP instance needs to run, and nothing more: the integrator maps keepalived's
 * {@code vrrp_instance} block to this. Times are integer microseconds, as keepalived keeps them.
 *
 * @param name                  the instance name, as in log lines: {@code (VI_1) Entering MASTER STATE}
 * @param interfaceName         the interface adverts and announcements go out on
 * @param vrid                  virtual_router_id, 1..255
 * @param version               2 (RFC 3768) or 3 (RFC 5798)
 * @param priority              the base priority, 1..255 (255: address owner)
 * @param advertIntervalMicros  advert_int; whole seconds for v2, whole centiseconds for v3
 * @param preempt               false for nopreempt
 * @param preemptDelayMicros    preempt_delay (0: none)
 * @param primaryAddress        the source of our adverts, compared with the sender's on equal priority
 * @param virtualAddresses      the VIPs (carried in adverts, installed and announced by MASTER)
 * @param unicastPeers          unicast_peer list; empty for multicast
 * @param authType              v2 authentication (NONE for v3)
 * @param authData              v2 authentication data, 8 bytes (zeros for none)
 * @param garp                  the gratuitous ARP / NA schedule
 * @param lowerPrioNoAdvert     lower_prio_no_advert: a MASTER ignores lower priority adverts (RFC)
 * @param higherPrioSendAdvert  higher_prio_send_advert: a MASTER advertises once before yielding
 * @param downTimerAdverts      down_timer_adverts, 1..100 (RFC: 3)
 * @param tracked               track_interface / track_script / track_file entries with weights
 */
public record InstanceSpec(String name, String interfaceName, int vrid, int version, int priority,
                           long advertIntervalMicros, boolean preempt, long preemptDelayMicros,
                           InetAddress primaryAddress, List<VirtualAddress> virtualAddresses,
                           List<InetAddress> unicastPeers, AuthType authType, byte[] authData,
                           GarpSettings garp, boolean lowerPrioNoAdvert, boolean higherPrioSendAdvert,
                           int downTimerAdverts, List<TrackedObject> tracked) {
    /** The address owner's priority (RFC 5798 §5.2.4). */
    public static final int PRIORITY_OWNER = 255;

    public InstanceSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(primaryAddress, "primaryAddress");
        Objects.requireNonNull(authType, "authType");
        Objects.requireNonNull(garp, "garp");
        authData = authData.clone();
        virtualAddresses = List.copyOf(virtualAddresses);
        unicastPeers = List.copyOf(unicastPeers);
        tracked = List.copyOf(tracked);
        check(vrid >= 1 && vrid <= 255, "vrid " + vrid + " not in 1..255");
        check(version == 2 || version == 3, "version " + version + " not 2 or 3");
        check(priority >= 1 && priority <= PRIORITY_OWNER, "priority " + priority + " not in 1..255");
        check(downTimerAdverts >= 1 && downTimerAdverts <= 100, "down_timer_adverts not in 1..100");
        check(preemptDelayMicros >= 0, "negative preempt_delay");
        check(version == 3 || !(primaryAddress instanceof Inet6Address), "VRRPv2 is IPv4 only");
        if (version == 2) {
            check(advertIntervalMicros >= 1_000_000 && advertIntervalMicros <= 255_000_000
                    && advertIntervalMicros % 1_000_000 == 0, "v2 advert_int must be 1..255 whole seconds");
            check(authData.length == 8, "v2 auth data must be 8 bytes");
        } else {
            check(advertIntervalMicros >= 10_000 && advertIntervalMicros <= 40_950_000
                    && advertIntervalMicros % 10_000 == 0, "v3 advert_int must be 0.01..40.95 s in centiseconds");
        }
        for (VirtualAddress v : virtualAddresses) {
            check(v.address().getClass() == primaryAddress.getClass(), "VIP family differs: " + v.address());
        }
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    public boolean ipv6() {
        return primaryAddress instanceof Inet6Address;
    }

    public boolean addressOwner() {
        return priority == PRIORITY_OWNER;
    }

    /** The advert interval as the wire carries it: seconds for v2, centiseconds for v3. */
    public int advertIntervalOnWire() {
        return (int) (version == 2 ? advertIntervalMicros / 1_000_000 : advertIntervalMicros / 10_000);
    }

    /** This spec with another VIP list (the address delta of a reload is installed through such specs). */
    public InstanceSpec withVirtualAddresses(List<VirtualAddress> addresses) {
        return new InstanceSpec(name, interfaceName, vrid, version, priority, advertIntervalMicros, preempt,
                preemptDelayMicros, primaryAddress, addresses, unicastPeers, authType, authData, garp,
                lowerPrioNoAdvert, higherPrioSendAdvert, downTimerAdverts, tracked);
    }

    /**
     * Whether {@code other} is the same virtual router, so that a reload can reconfigure a running instance
     * in place: same name, VRID, version, interface, primary address, address ownership and advert
     * destination kind (multicast or unicast). Everything else may differ.
     */
    public boolean sameRouterAs(InstanceSpec other) {
        return name.equals(other.name) && vrid == other.vrid && version == other.version
                && Objects.equals(interfaceName, other.interfaceName) && primaryAddress.equals(other.primaryAddress)
                && addressOwner() == other.addressOwner() && unicastPeers.isEmpty() == other.unicastPeers.isEmpty();
    }

    public static Builder builder(String name, int vrid, InetAddress primaryAddress) {
        return new Builder(name, vrid, primaryAddress);
    }

    public Builder toBuilder() {
        Builder b = new Builder(name, vrid, primaryAddress);
        b.interfaceName = interfaceName;
        b.version = version;
        b.priority = priority;
        b.advertIntervalMicros = advertIntervalMicros;
        b.preempt = preempt;
        b.preemptDelayMicros = preemptDelayMicros;
        b.virtualAddresses = new ArrayList<>(virtualAddresses);
        b.unicastPeers = new ArrayList<>(unicastPeers);
        b.authType = authType;
        b.authData = authData.clone();
        b.garp = garp;
        b.lowerPrioNoAdvert = lowerPrioNoAdvert;
        b.higherPrioSendAdvert = higherPrioSendAdvert;
        b.downTimerAdverts = downTimerAdverts;
        b.tracked = new ArrayList<>(tracked);
        return b;
    }

    /** Builds a spec from keepalived's defaults (v2, priority 100, advert_int 1, preempt). */
    public static final class Builder {
        private final String name;
        private final int vrid;
        private final InetAddress primaryAddress;
        private String interfaceName = "eth0";
        private int version = 2;
        private int priority = 100;
        private long advertIntervalMicros = 1_000_000;
        private boolean preempt = true;
        private long preemptDelayMicros;
        private List<VirtualAddress> virtualAddresses = new ArrayList<>();
        private List<InetAddress> unicastPeers = new ArrayList<>();
        private AuthType authType = AuthType.NONE;
        private byte[] authData = new byte[8];
        private GarpSettings garp = GarpSettings.DEFAULTS;
        private boolean lowerPrioNoAdvert;
        private boolean higherPrioSendAdvert;
        private int downTimerAdverts = 3;
        private List<TrackedObject> tracked = new ArrayList<>();

        private Builder(String name, int vrid, InetAddress primaryAddress) {
            this.name = name;
            this.vrid = vrid;
            this.primaryAddress = primaryAddress;
        }

        public Builder interfaceName(String v) { interfaceName = v; return this; }
        public Builder version(int v) { version = v; return this; }
        public Builder priority(int v) { priority = v; return this; }
        public Builder advertIntervalMicros(long v) { advertIntervalMicros = v; return this; }
        public Builder preempt(boolean v) { preempt = v; return this; }
        public Builder preemptDelayMicros(long v) { preemptDelayMicros = v; return this; }
        public Builder virtualAddress(VirtualAddress v) { virtualAddresses.add(v); return this; }
        public Builder virtualAddress(InetAddress v) { virtualAddresses.add(VirtualAddress.of(v)); return this; }
        public Builder unicastPeer(InetAddress v) { unicastPeers.add(v); return this; }
        public Builder auth(AuthType type, byte[] data) { authType = type; authData = data.clone(); return this; }
        public Builder garp(GarpSettings v) { garp = v; return this; }
        public Builder lowerPrioNoAdvert(boolean v) { lowerPrioNoAdvert = v; return this; }
        public Builder higherPrioSendAdvert(boolean v) { higherPrioSendAdvert = v; return this; }
        public Builder downTimerAdverts(int v) { downTimerAdverts = v; return this; }
        public Builder track(TrackedObject v) { tracked.add(v); return this; }

        public InstanceSpec build() {
            byte[] data = version == 3 ? new byte[0] : authData;
            AuthType type = version == 3 ? AuthType.NONE : authType;
            return new InstanceSpec(name, interfaceName, vrid, version, priority, advertIntervalMicros, preempt,
                    preemptDelayMicros, primaryAddress, virtualAddresses, unicastPeers, type, data, garp,
                    lowerPrioNoAdvert, higherPrioSendAdvert, downTimerAdverts, tracked);
        }
    }
}
