package org.jkeepalived.watchdog.failover;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.jkeepalived.core.testing.Command;
import org.jkeepalived.core.testing.DaemonProcess;
import org.jkeepalived.core.testing.NetworkNamespace;
import org.jkeepalived.core.testing.Wait;

/**
 * A tcpdump running on one interface of a namespace, printing each frame with its kernel
 * timestamp ({@code -tt}) and MAC addresses ({@code -e}) to a file the test reads back as
 * {@link Frame}s. On a bridge port, {@code inboundOnly} keeps just what the attached host sends.
 */
final class Capture implements AutoCloseable {
    private final Path out;
    private final Process process;

    private Capture(Path out, Process process) {
        this.out = out;
        this.process = process;
    }

    static Capture start(NetworkNamespace ns, String iface, boolean inboundOnly, Path dir, String name) {
        try {
            Files.createDirectories(dir);
            Path out = dir.resolve(name + ".txt");
            Path err = dir.resolve(name + ".err");
            List<String> argv = new ArrayList<>(List.of("tcpdump", "-i", iface, "-n", "-tt", "-e", "-l", "-U", "-vv"));
            if (inboundOnly) {
                argv.addAll(List.of("-Q", "in"));
            }
            // "vrrp" alone would match IPv4 only.
            argv.addAll(List.of("ip", "proto", "112", "or", "ip6", "proto", "112", "or", "arp", "or", "icmp6"));
            Capture c = new Capture(out, DaemonProcess.launch(ns, argv, out, err));
            if (!Wait.until(Duration.ofSeconds(5), Duration.ofMillis(10),
                    () -> DaemonProcess.text(err).contains("listening on"))) {
                c.close();
                throw new IllegalStateException("tcpdump on " + ns.name() + "/" + iface + " did not start: "
                        + DaemonProcess.text(err));
            }
            return c;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start tcpdump", e);
        }
    }

    /** Every frame captured so far (tcpdump -vv prints some packets over two lines; each is joined). */
    List<Frame> frames() {
        List<Frame> frames = new ArrayList<>();
        StringBuilder current = null;
        for (String line : DaemonProcess.text(out).split("\n")) {
            if (!line.isEmpty() && Character.isDigit(line.charAt(0))) {
                if (current != null) {
                    Frame.parse(current.toString()).ifPresent(frames::add);
                }
                current = new StringBuilder(line);
            } else if (current != null) {
                current.append(' ').append(line.trim());
            }
        }
        if (current != null) {
            Frame.parse(current.toString()).ifPresent(frames::add);
        }
        return frames;
    }

    List<Frame> frames(Predicate<Frame> filter) {
        return frames().stream().filter(filter).toList();
    }

    /** Waits until a frame matching {@code filter} has been captured. */
    Optional<Frame> waitFor(Predicate<Frame> filter, Duration timeout) {
        return Wait.poll(timeout, Duration.ofMillis(10), () -> frames().stream().filter(filter).findFirst());
    }

    Path file() {
        return out;
    }

    @Override
    public void close() {
        Command.stop(process, 5);
    }
}
