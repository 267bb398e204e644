package org.jkeepalived.core.testing;

import java.util.ArrayList;
import java.util.List;
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

    public String name() {
        return name;
    }

    /** Runs {@code ip ARGS} inside the namespace and fails unless it succeeds. */
    public Command.Result ip(String... args) {
        List<String> argv = new ArrayList<>(List.of("ip", "-n", name));
        argv.addAll(List.of(args));
        return Command.check(argv.toArray(String[]::new));
    }

    /** Creates a veth pair inside the namespace, both ends up. */
    public void vethPair(String a, String b) {
        ip("link", "add", a, "type", "veth", "peer", "name", b);
        ip("link", "set", a, "up");
        ip("link", "set", b, "up");
    }

    /** Runs a command inside the namespace (not checked), bounded by {@code timeoutSeconds}. */
    public Command.Result exec(long timeoutSeconds, String... argv) {
        List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", name));
        full.addAll(List.of(argv));
        return Command.run(timeoutSeconds, full);
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
