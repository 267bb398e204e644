package org.jkeepalived.watchdog.scripts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.jkeepalived.core.testing.Command;
import org.jkeepalived.core.testing.NetworkNamespace;

/**
 * What the script ITs share: a LAN of namespaces on one veth pair (192.0.2.0/24), daemons started in them
 * (jkeepalived or the real keepalived) with their output in files, executable scripts, and bounded waits.
 */
final class Lab implements AutoCloseable {
    static final Path LAUNCHER = Path.of("..", "bin", "jkeepalived").toAbsolutePath().normalize();
    /** Appends one line per call (one write, so concurrent calls do not mix): its name, then each word in brackets. */
    static final String ARGV_SCRIPT = """
            #!/bin/sh
            line="$(basename "$0")"; for a in "$@"; do line="$line [$a]"; done; echo "$line" >> LOG
            """;

    final Path dir;
    final NetworkNamespace a;
    final NetworkNamespace b;
    private final List<Process> processes = new ArrayList<>();

    Lab(Path dir) {
        this.dir = dir;
        a = NetworkNamespace.create();
        b = NetworkNamespace.create();
        Command.check("ip", "link", "add", "eth0", "netns", a.name(), "type", "veth", "peer", "name", "eth0",
                "netns", b.name());
        a.ip("addr", "add", "192.0.2.1/24", "dev", "eth0");
        b.ip("addr", "add", "192.0.2.2/24", "dev", "eth0");
        for (NetworkNamespace ns : List.of(a, b)) {
            ns.ip("link", "set", "eth0", "up");
            ns.ip("link", "set", "lo", "up");
        }
    }

    Path script(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        return p;
    }

    Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    /** Starts jkeepalived (or, with {@code real}, keepalived) on {@code conf} in {@code ns}; output to NAME.log. */
    Process daemon(NetworkNamespace ns, String name, Path conf, boolean real) throws IOException {
        List<String> argv = new ArrayList<>(List.of("ip", "netns", "exec", ns.name(),
                real ? "keepalived" : LAUNCHER.toString(), "-n", "-l", "-D", "-P", "-f", conf.toString(),
                "-p", dir.resolve(name + ".pid").toString(), "-r", dir.resolve(name + "_vrrp.pid").toString()));
        if (real) {
            argv.add("--no-syslog");
        }
        return track(new ProcessBuilder(argv).redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".log").toFile()).start());
    }

    /** Starts the SMTP sink in {@code ns} on ADDRESS:PORT, recording to NAME, and waits until it listens. */
    Process smtpSink(NetworkNamespace ns, String address, int port, String name)
            throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process sink = track(new ProcessBuilder("ip", "netns", "exec", ns.name(), java, "-cp",
                System.getProperty("java.class.path"), SmtpSink.class.getName(), address, Integer.toString(port),
                dir.resolve(name).toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".out").toFile()).start());
        waitFor(() -> read(name + ".out").contains("listening"), 20, "the SMTP sink did not start", name + ".out");
        return sink;
    }

    Process track(Process p) {
        processes.add(p);
        return p;
    }

    String read(String name) {
        try {
            return Files.readString(dir.resolve(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    static boolean hasAddress(NetworkNamespace ns, String address) {
        return ns.exec(10, "ip", "-4", "-o", "addr", "show", "dev", "eth0").stdout().contains(" " + address + "/");
    }

    /** Sends SIGTERM and waits for the exit. */
    static void stop(Process p) throws InterruptedException {
        p.destroy();
        if (!p.waitFor(15, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
    }

    void waitFor(BooleanSupplier condition, long seconds, String message, String... logs)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                StringBuilder s = new StringBuilder(message);
                for (String l : logs) {
                    s.append("\n--- ").append(l).append('\n').append(read(l));
                }
                throw new AssertionError(s.toString());
            }
            Thread.sleep(50);
        }
    }

    @Override
    public void close() {
        for (Process p : processes) {
            if (p.isAlive()) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            }
        }
        a.close();
        b.close();
    }
}
