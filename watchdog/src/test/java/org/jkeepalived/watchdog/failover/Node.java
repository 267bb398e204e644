package org.jkeepalived.watchdog.failover;

import org.jkeepalived.core.testing.NetworkNamespace;

/**
 * One host on a test {@link Lan}: its namespace, the bridge port its {@code eth0} is plugged into,
 * and its fixed documentation addresses and MAC.
 */
record Node(String role, NetworkNamespace ns, String bridgePort, String ipv4, String ipv6, String mac) {
    /** The namespace's name, for {@code ip -n} and {@code ip netns exec}. */
    String nsName() {
        return ns.name();
    }

    /** The host's address of the given family ({@code 4} or {@code 6}). */
    String address(int family) {
        return family == 6 ? ipv6 : ipv4;
    }
}
