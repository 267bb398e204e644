package org.jkeepalived.netlink;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.jna.Native;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jkeepalived.netlink.sys.LibC;

/**
 * A throwaway network namespace for integration tests ({@code jknl<pid>-<n>}), with a dedicated
 * thread that entered it through setns(2): sockets opened on that thread live in the namespace, and
 * stay there when used from other threads. Commands run through {@code ip -n} / {@code ip netns
 * exec}; every wait is bounded. {@link #close()} deletes the namespace.
 */
public final class NetNs implements AutoCloseable {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final long TIMEOUT_SECONDS = 15;

    private final String name;
    private final ExecutorService thread;

    private NetNs(String name) {
        this.name = name;
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(() -> {
                enter(name); // a replacement thread enters too, or runs nothing
                r.run();
            }, "netns-" + name);
            t.setDaemon(true);
            return t;
        });
    }

    /** Skips the calling test unless running as root with iproute2 available. */
    public static void assumeRoot() {
        assumeTrue("root".equals(System.getProperty("user.name")), "integration tests need root");
        assumeTrue(Files.isExecutable(Path.of("/usr/sbin/ip")) || Files.isExecutable(Path.of("/sbin/ip")),
                "integration tests need iproute2");
    }

    public static NetNs create() throws IOException {
        String name = "jknl" + ProcessHandle.current().pid() + "-" + COUNTER.incrementAndGet();
        run("ip", "netns", "add", name);
        NetNs ns = new NetNs(name);
        try {
            ns.exec("ip", "link", "set", "lo", "up");
            // no duplicate address detection: addresses are usable at once, every wait stays short
            ns.exec("sysctl", "-q", "-w", "net.ipv6.conf.all.accept_dad=0");
            ns.exec("sysctl", "-q", "-w", "net.ipv6.conf.default.accept_dad=0");
            ns.exec("sysctl", "-q", "-w", "net.ipv4.conf.all.promote_secondaries=1");
        } catch (IOException | RuntimeException e) {
            ns.close();
            throw e;
        }
        return ns;
    }

    public String name() {
        return name;
    }

    /** Runs {@code command} inside the namespace and returns its output; fails on a non-zero exit. */
    public String exec(String... command) throws IOException {
        List<String> all = new ArrayList<>(List.of("ip", "netns", "exec", name));
        all.addAll(List.of(command));
        return run(all.toArray(String[]::new));
    }

    /** Runs {@code ip -n NAME args}. */
    public String ip(String... args) throws IOException {
        List<String> all = new ArrayList<>(List.of("ip", "-n", name));
        all.addAll(List.of(args));
        return run(all.toArray(String[]::new));
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
        throw new IOException(device + " in " + name + " got no link-local address within 5 s");
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
            run("ip", "netns", "del", name);
        } catch (IOException e) {
            throw new IllegalStateException("could not delete namespace " + name, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static String run(String... command) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("timed out: " + String.join(" ", command));
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: " + String.join(" ", command));
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " exited " + p.exitValue() + ": " + out.trim());
        }
        return out;
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
