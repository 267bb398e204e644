package org.jkeepalived.netlink.rtnl;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Objects;

/**
 * An interface address as rtnetlink carries it ({@code ifaddrmsg} plus IFA_* attributes): what
 * {@code ip addr add ADDRESS/PREFIX brd BROADCAST scope SCOPE label LABEL dev IFINDEX} expresses.
 *
 * @param ifindex      interface index
 * @param address      the local address (IFA_LOCAL; IFA_ADDRESS for IPv6)
 * @param prefixLength 0..32 or 0..128
 * @param broadcast    IPv4 broadcast address, or null
 * @param scope        RT_SCOPE_* (0 universe, 253 link, 254 host)
 * @param label        IPv4 label such as {@code eth0:vip}, or null
 * @param flags        IFA_F_* flags (e.g. {@link Rtnetlink#IFA_F_NODAD} for IPv6 VIPs)
 */
public record Address(int ifindex, InetAddress address, int prefixLength, InetAddress broadcast, int scope,
                      String label, int flags) {
    public Address {
        Objects.requireNonNull(address, "address");
        int max = address instanceof Inet4Address ? 32 : 128;
        if (prefixLength < 0 || prefixLength > max) {
            throw new IllegalArgumentException("prefix length " + prefixLength + " out of range 0.." + max);
        }
    }

    /** A plain address with universe scope, no broadcast, label or flags. */
    public static Address of(int ifindex, InetAddress address, int prefixLength) {
        return new Address(ifindex, address, prefixLength, null, Rtnetlink.RT_SCOPE_UNIVERSE, null, 0);
    }

    public Address withBroadcast(InetAddress value) {
        return new Address(ifindex, address, prefixLength, value, scope, label, flags);
    }

    public Address withScope(int value) {
        return new Address(ifindex, address, prefixLength, broadcast, value, label, flags);
    }

    public Address withLabel(String value) {
        return new Address(ifindex, address, prefixLength, broadcast, scope, value, flags);
    }

    public Address withFlags(int value) {
        return new Address(ifindex, address, prefixLength, broadcast, scope, label, value);
    }

    public boolean isIpv4() {
        return address instanceof Inet4Address;
    }

    public int family() {
        return isIpv4() ? 2 : 10;
    }
}
