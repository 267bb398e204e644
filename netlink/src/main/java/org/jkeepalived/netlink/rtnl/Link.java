package org.jkeepalived.netlink.rtnl;

import org.jkeepalived.netlink.MacAddress;

/**
 * A network interface as RTM_NEWLINK describes it.
 *
 * @param index       interface index
 * @param name        IFLA_IFNAME
 * @param flags       IFF_* flags (UP is the administrative state; LOWER_UP and RUNNING the carrier)
 * @param mac         IFLA_ADDRESS, or null for interfaces without one
 * @param mtu         IFLA_MTU, or 0
 * @param parentIndex IFLA_LINK (the lower device of a macvlan or a veth's peer), or 0
 * @param kind        IFLA_INFO_KIND ("veth", "macvlan", "bridge"), or null
 */
public record Link(int index, String name, int flags, MacAddress mac, int mtu, int parentIndex, String kind) {
    public boolean isUp() {
        return (flags & Rtnetlink.IFF_UP) != 0;
    }

    public boolean isLowerUp() {
        return (flags & Rtnetlink.IFF_LOWER_UP) != 0;
    }

    public boolean isRunning() {
        return (flags & Rtnetlink.IFF_RUNNING) != 0;
    }

    /**
     * Whether the link can carry traffic: administratively up and with carrier. On a veth whose
     * peer goes down only LOWER_UP and RUNNING clear; UP stays set.
     */
    public boolean isOperational() {
        return isUp() && isLowerUp() && isRunning();
    }
}
