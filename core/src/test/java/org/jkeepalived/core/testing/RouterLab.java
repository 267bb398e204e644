package org.jkeepalived.core.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Two VRRP routers for an integration test (a JUnit extension: {@code @RegisterExtension final RouterLab lab = new
 * RouterLab();}): before each test, namespaces {@link #a()} and {@link #b()} joined by one veth whose ends are both
 * {@code eth0} (192.0.2.1/24 and 192.0.2.2/24) and a fresh working folder; the daemons a test starts in them keep
 * their output in that folder, and a wait that fails shows those logs. After each test everything started is
 * killed and the namespaces and the folder are deleted. Skips the test unless it runs as root.
 */
public class RouterLab implements BeforeEachCallback, AfterEachCallback, AutoCloseable {
    private final List<DaemonProcess> started = new ArrayList<>();
    private Path dir;
    private NetworkNamespace a;
    private NetworkNamespace b;

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        assumeTrue(Command.isRoot(), "needs root for network namespaces");
        dir = Files.createTempDirectory("jk-lab");
        a = NetworkNamespace.create();
        b = NetworkNamespace.create();
        // created straight inside the two namespaces: the root namespace never sees them
        a.vethTo("eth0", b, "eth0");
        a.ip("addr", "add", "192.0.2.1/24", "dev", "eth0");
        b.ip("addr", "add", "192.0.2.2/24", "dev", "eth0");
        a.ip("link", "set", "eth0", "up");
        b.ip("link", "set", "eth0", "up");
    }

    @Override
    public void afterEach(ExtensionContext context) {
        close();
    }

    /** The working folder: configurations, scripts, pid files and logs. */
    public Path dir() {
        return dir;
    }

    /** Router A, 192.0.2.1 on eth0. */
    public NetworkNamespace a() {
        return a;
    }

    /** Router B, 192.0.2.2 on eth0. */
    public NetworkNamespace b() {
        return b;
    }

    /** Writes {@code text} to NAME in the working folder. */
    public Path write(String name, String text) {
        try {
            return Files.writeString(dir.resolve(name), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes an executable script NAME in the working folder. */
    public Path script(String name, String text) {
        Path p = write(name, text);
        try {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    /** The text of NAME in the working folder, or "" while there is none. */
    public String read(String name) {
        try {
            return Files.readString(dir.resolve(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** Starts {@code command} in {@code ns}, its output to NAME.log; it is killed after the test. */
    public DaemonProcess start(NetworkNamespace ns, String name, List<String> command) {
        DaemonProcess p = DaemonProcess.start(name + "@" + ns.name(), ns, command, dir.resolve(name + ".log"));
        started.add(p);
        return p;
    }

    /**
     * Starts {@code daemon} in the foreground on {@code conf} in {@code ns} (VRRP only, console log), with pid
     * files NAME.pid and NAME_vrrp.pid and output to NAME.log.
     */
    public DaemonProcess daemon(NetworkNamespace ns, String name, Path conf, Daemon daemon) {
        List<String> argv = daemon.command(List.of("-n", "-l", "-D", "-P", "-f", conf.toString(),
                "-p", dir.resolve(name + ".pid").toString(), "-r", dir.resolve(name + "_vrrp.pid").toString()));
        if (daemon == Daemon.KEEPALIVED) {
            argv.add("--no-syslog");
        }
        return start(ns, name, argv);
    }

    /** {@link #daemon(NetworkNamespace, String, Path, Daemon)} with jkeepalived. */
    public DaemonProcess daemon(NetworkNamespace ns, String name, Path conf) {
        return daemon(ns, name, conf, Daemon.JKEEPALIVED);
    }

    /**
     * Polls {@code condition} for at most {@code seconds}; fails with {@code message} and the files {@code logs} of
     * the working folder, or every log of what this lab started when none is named.
     */
    public void waitFor(BooleanSupplier condition, long seconds, String message, String... logs) {
        Wait.require(condition, Duration.ofSeconds(seconds), () -> {
            StringBuilder s = new StringBuilder(message);
            List<String> names = logs.length > 0 ? List.of(logs)
                    : started.stream().map(p -> p.log().getFileName().toString()).toList();
            for (String l : names) {
                s.append("\n--- ").append(l).append('\n').append(read(l));
            }
            return s.toString();
        });
    }

    @Override
    public void close() {
        for (DaemonProcess p : started) {
            p.close();
        }
        started.clear();
        if (a != null) {
            a.close();
        }
        if (b != null) {
            b.close();
        }
        a = null;
        b = null;
        if (dir != null) {
            try (Stream<Path> all = Files.walk(dir)) {
                all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a left-over temporary folder is harmless
            }
            dir = null;
        }
    }
}
