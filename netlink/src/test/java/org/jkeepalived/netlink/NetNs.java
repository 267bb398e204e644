package org.jkeepalived.netlink;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.jna.Native;
import java.io.IOException;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jkeepalived.core.testing.Command;
import org.jkeepalived.core.testing.NetworkNamespace;
import org.jkeepalived.netlink.sys.LibC;

/**
 * A router's {@link NetworkNamespace} for the netlink ITs, with a dedicated thread that entered it through
 * setns(2): sockets opened on that thread live in the namespace, and stay there when used from other threads.
 * Every wait is bounded. {@link #close()} deletes the namespace.
 */
public final class NetNs implements AutoCloseable {
    private static final long TIMEOUT_SECONDS = 15;

    private final NetworkNamespace ns;
    private final ExecutorService thread;

    private NetNs(NetworkNamespace ns) {
        this.ns = ns;
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(() -> {
                enter(ns.name()); // a replacement thread enters too, or runs nothing
                r.run();
            }, "netns-" + ns.name());
            t.setDaemon(true);
            return t;
        });
    }

    /** Skips the calling test unless running as root with iproute2 available. */
    public static void assumeRoot() {
        assumeTrue(Command.isRoot(), "integration tests need root");
        assumeTrue(Command.available("ip"), "integration tests need iproute2");
    }

    /** A fresh namespace: loopback up, no duplicate address detection (every wait stays short), promote_secondaries. */
    public static NetNs create() {
        return new NetNs(NetworkNamespace.createRouter());
    }

    /**
     * Two fresh namespaces joined by a veth: {@code a0} (02:00:00:00:00:0a, 192.0.2.1/24) in {@link Pair#a()},
     * {@code b0} (02:00:00:00:00:0b, 192.0.2.2/24) in {@link Pair#b()}, both down so that more addresses can go on
     * first (see {@link Pair#up()}). Skips the calling test unless running as root.
     */
    public static Pair pair() {
        assumeRoot();
        NetNs a = create();
        NetNs b = null;
        try {
            b = create();
            a.ip("link", "add", "a0", "address", "02:00:00:00:00:0a", "type", "veth",
                    "peer", "name", "b0", "address", "02:00:00:00:00:0b", "netns", b.name());
            a.ip("addr", "add", "192.0.2.1/24", "dev", "a0");
            b.ip("addr", "add", "192.0.2.2/24", "dev", "b0");
            return new Pair(a, b);
        } catch (RuntimeException e) {
            new Pair(a, b).close();
            throw e;
        }
    }

    /** Two namespaces that are closed together. */
    public record Pair(NetNs a, NetNs b) implements AutoCloseable {
        /** Sets a0 and b0 up and waits for their link-local addresses (either waits for the other's carrier). */
        public void up() throws IOException, InterruptedException {
            a.ip("link", "set", "a0", "up");
            b.ip("link", "set", "b0", "up");
            a.awaitLinkLocal("a0");
            b.awaitLinkLocal("b0");
        }

        @Override
        public void close() {
            a.close();
            if (b != null) {
                b.close();
            }
        }
    }

    /** A veth pair {@code veth0}/{@code veth1} inside the namespace, both up. */
    public void vethPair() {
        ns.vethPair("veth0", "veth1");
    }

    public String name() {
        return ns.name();
    }

    /** Runs {@code command} inside the namespace and returns its output; fails on a non-zero exit. */
    public String exec(String... command) {
        return ns.check(command).output();
    }

    /** Runs {@code ip -n NAME args}; fails on a non-zero exit. */
    public String ip(String... args) {
        return ns.ip(args).output();
    }

    /**
     * Waits (at most 5 s) until {@code device} has a usable IPv6 link-local address. The kernel
     * configures it asynchronously after the link comes up, and until then it also lacks the
     * ff00::/8 route: multicast such as an NA to ff02::1 is dropped as "no route" (Ip6InNoRoutes).
     */
    public void awaitLinkLocal(String device) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            String shown = ip("-6", "addr", "show", "dev", device, "scope", "link");
            String routes = ip("-6", "route", "show", "table", "local", "dev", device);
            if (shown.contains("fe80::") && !shown.contains("tentative") && routes.contains("ff00::/8")) {
                return;
            }
            Thread.sleep(20);
        }
        throw new IOException(device + " in " + name() + " got no link-local address within 5 s");
    }

    /** Runs {@code task} on the namespace's thread and waits (bounded) for its result. */
    public <T> T call(Callable<T> task) throws Exception {
        try {
            return thread.submit(task).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ns.close();
    }

    private static void enter(String name) {
        int fd = LibC.open("/var/run/netns/" + name, LibC.O_RDONLY | LibC.O_CLOEXEC);
        if (fd < 0) {
            throw new IllegalStateException("open netns " + name + ": errno " + Native.getLastError());
        }
        try {
            if (LibC.setns(fd, LibC.CLONE_NEWNET) < 0) {
                throw new IllegalStateException("setns " + name + ": errno " + Native.getLastError());
            }
        } finally {
            LibC.close(fd);
        }
    }
}
