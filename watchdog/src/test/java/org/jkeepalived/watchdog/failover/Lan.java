package org.jkeepalived.watchdog.failover;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jkeepalived.core.testing.Command;
import org.jkeepalived.core.testing.NetworkNamespace;

/**
 * A test LAN: a bridge in a namespace of its own, N router namespaces and one client namespace,
 * each plugged into the bridge by a veth whose inside end is {@code eth0}. Router {@code i} has
 * 192.0.2.i/24, 2001:db8::i/64 and MAC 02:00:00:00:0f:0i; the client has .100 / ::100. Nothing is
 * ever linked to the root namespace. Close it to delete every namespace (and kill what runs inside).
 */
final class Lan implements AutoCloseable {
    static final String CLIENT_IPV4 = "192.0.2.100";
    static final String CLIENT_IPV6 = "2001:db8::100";

    private final NetworkNamespace bridge;
    private final List<Node> routers = new ArrayList<>();
    private final List<NetworkNamespace> hosts = new ArrayList<>();
    private Node client;

    private Lan(NetworkNamespace bridge) {
        this.bridge = bridge;
    }

    /** Builds a LAN of {@code routerCount} routers and one client. */
    static Lan create(int routerCount) {
        Lan lan = new Lan(NetworkNamespace.create());
        try {
            // No IPv6 on the bridge itself: it would only add MLD and RS noise to captures.
            lan.bridge.sysctl("net.ipv6.conf.all.disable_ipv6=1", "net.ipv6.conf.default.disable_ipv6=1");
            // Snooping off: a snooping bridge may hold back ff02::12 before an MLD report is seen.
            lan.bridge.ip("link", "add", "br0", "type", "bridge", "mcast_snooping", "0", "forward_delay", "0");
            lan.bridge.ip("link", "set", "br0", "up");
            for (int i = 1; i <= routerCount; i++) {
                lan.routers.add(lan.attach("r" + i, "192.0.2." + i, "2001:db8::" + i,
                        String.format("02:00:00:00:0f:%02x", i)));
            }
            lan.client = lan.attach("c", CLIENT_IPV4, CLIENT_IPV6, "02:00:00:00:0f:64");
            return lan;
        } catch (RuntimeException e) {
            lan.close();
            throw e;
        }
    }

    private Node attach(String role, String ipv4, String ipv6, String mac) {
        NetworkNamespace ns = NetworkNamespace.createRouter();
        String port = "p" + role;
        Node node = new Node(role, ns, port, ipv4, ipv6, mac);
        hosts.add(ns); // first, so close() deletes it even if the set-up below fails
        bridge.vethTo(port, ns, "eth0");
        bridge.ip("link", "set", port, "master", "br0", "up");
        ns.ip("link", "set", "eth0", "address", mac);
        ns.ip("addr", "add", ipv4 + "/24", "dev", "eth0");
        ns.ip("addr", "add", ipv6 + "/64", "dev", "eth0", "nodad");
        ns.ip("link", "set", "eth0", "up");
        return node;
    }

    NetworkNamespace bridge() {
        return bridge;
    }

    /** Router {@code i}, counted from 1. */
    Node router(int i) {
        return routers.get(i - 1);
    }

    List<Node> routers() {
        return List.copyOf(routers);
    }

    Node client() {
        return client;
    }

    /** The client's neighbour-table MAC for {@code address}, if it has a usable entry. */
    Optional<String> clientNeighbour(String address) {
        Command.Result r = Command.run(10, List.of("ip", "-n", client.nsName(), "neigh", "show", address));
        for (String line : r.stdout().split("\n")) {
            String[] cols = line.trim().split("\\s+");
            for (int i = 0; i + 1 < cols.length; i++) {
                if (cols[i].equals("lladdr")) {
                    return Optional.of(cols[i + 1].toLowerCase());
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Whether the client reaches {@code address}: a TCP connection to the discard port must be
     * refused (a RST proves a host answered; nothing listens there). This also teaches the client the
     * address's MAC. No ping: Debian's minimal images have none, bash's /dev/tcp is always there.
     */
    boolean reach(String address) {
        Command.Result r = client.ns().exec(5, "timeout", "2", "bash", "-c", "exec 3<>/dev/tcp/" + address + "/9");
        return r.output().contains("Connection refused");
    }

    /** Takes {@code node}'s own veth end down, as a pulled cable or a failed NIC would look to it. */
    static void linkDown(Node node) {
        node.ns().ip("link", "set", "eth0", "down");
    }

    static void linkUp(Node node) {
        node.ns().ip("link", "set", "eth0", "up");
    }

    @Override
    public void close() {
        RuntimeException first = null;
        for (NetworkNamespace ns : hosts) {
            try {
                ns.close();
            } catch (RuntimeException e) {
                first = first == null ? e : first;
            }
        }
        bridge.close();
        if (first != null) {
            throw first;
        }
    }
}
