package org.jkeepalived.core.testing;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A network namespace an integration test creates and always deletes: named with a per-run prefix
 * ({@code jk<pid>-<n>}) so parallel runs never collide, never linked to the root namespace, and
 * used only with documentation addresses (192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24,
 * 2001:db8::/32). Close it (try-with-resources) to delete it and everything inside.
 */
public final class NetworkNamespace implements AutoCloseable {
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final String PREFIX = "jk" + ProcessHandle.current().pid() + "-";

    private final String name;

    private NetworkNamespace(String name) {
        this.name = name;
    }

    /** Creates a fresh namespace with its loopback up. */
    public static NetworkNamespace create() {
        String name = PREFIX + SEQUENCE.incrementAndGet();
        Command.check("ip", "netns", "add", name);
        NetworkNamespace ns = new NetworkNamespace(name);
        try {
            ns.ip("link", "set", "lo", "up");
        } catch (RuntimeException e) {
            ns.close();
            throw e;
        }
        return ns;
    }

    /**
     * Creates a fresh namespace set up as a VRRP router's: duplicate address detection off, so a VIP or
     * link-local address is usable at once, and promote_secondaries on, as keepalived sets it: otherwise
     * deleting the primary address deletes the VIPs too (PLATFORM.md).
     */
    public static NetworkNamespace createRouter() {
        NetworkNamespace ns = create();
        try {
            ns.sysctl("net.ipv6.conf.all.accept_dad=0", "net.ipv6.conf.default.accept_dad=0",
                    "net.ipv4.conf.all.promote_secondaries=1", "net.ipv4.conf.default.promote_secondaries=1");
        } catch (RuntimeException e) {
            ns.close();
            throw e;
        }
        return ns;
    }

    public String name() {
        return name;
    }

    /** Runs {@code ip ARGS} inside the namespace and fails unless it succeeds. */
    public Command.Result ip(String... args) {
        List<String> argv = new ArrayList<>(List.of("ip", "-n", name));
        argv.addAll(List.of(args));
        return Command.check(argv.toArray(String[]::new));
    }

    /** Sets each {@code key=value} with {@code sysctl -qw} inside the namespace; fails unless it succeeds. */
    public void sysctl(String... settings) {
        List<String> argv = new ArrayList<>(List.of("sysctl", "-qw"));
        argv.addAll(List.of(settings));
        check(argv.toArray(String[]::new));
    }

    /** Creates a veth pair inside the namespace, both ends up. */
    public void vethPair(String a, String b) {
        ip("link", "add", a, "type", "veth", "peer", "name", b);
        ip("link", "set", a, "up");
        ip("link", "set", b, "up");
    }

    /** Creates a veth whose end {@code device} is here and whose end {@code peerDevice} is in {@code peer}; both down. */
    public void vethTo(String device, NetworkNamespace peer, String peerDevice) {
        ip("link", "add", device, "type", "veth", "peer", "name", peerDevice, "netns", peer.name());
    }

    /** Runs a command inside the namespace (not checked), bounded by {@code timeoutSeconds}. */
    public Command.Result exec(long timeoutSeconds, String... argv) {
        return Command.run(timeoutSeconds, inside(List.of(argv)));
    }

    /** Runs a command inside the namespace, bounded by 60 s, and fails unless it exits 0. */
    public Command.Result check(String... argv) {
        return Command.check(inside(List.of(argv)).toArray(String[]::new));
    }

    /** {@code command} prefixed so that it runs inside the namespace ({@code ip netns exec NAME}). */
    public List<String> inside(List<String> command) {
        List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", name));
        full.addAll(command);
        return full;
    }

    /** Every address (without prefix length) on any interface, from {@code ip -br addr}. */
    public Set<String> addresses() {
        Command.Result r = Command.run(10, List.of("ip", "-n", name, "-br", "addr"));
        Set<String> all = new LinkedHashSet<>();
        for (String line : r.stdout().split("\n")) {
            String[] cols = line.trim().split("\\s+");
            for (int i = 2; i < cols.length; i++) {
                int slash = cols[i].indexOf('/');
                all.add(slash < 0 ? cols[i] : cols[i].substring(0, slash));
            }
        }
        return all;
    }

    /** Whether any interface of the namespace has {@code address} (a VIP, say). */
    public boolean hasAddress(String address) {
        return addresses().contains(address);
    }

    /** Kills whatever still runs inside, then deletes the namespace. */
    @Override
    public void close() {
        Command.Result pids = Command.run(10, List.of("ip", "netns", "pids", name));
        for (String pid : pids.stdout().split("\\s+")) {
            if (!pid.isBlank()) {
                Command.run(10, List.of("kill", "-9", pid.trim()));
            }
        }
        Command.run(30, List.of("ip", "netns", "del", name));
    }
}
