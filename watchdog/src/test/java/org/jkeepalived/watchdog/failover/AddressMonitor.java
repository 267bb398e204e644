package org.jkeepalived.watchdog.failover;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jkeepalived.core.testing.Command;
import org.jkeepalived.core.testing.Wait;

/**
 * {@code ip -ts monitor address} inside a router's namespace: when each address appeared or went,
 * timestamped by {@code ip} as the rtnetlink event arrived (about a millisecond after the kernel
 * made the change), on the same wall clock as tcpdump's {@code -tt}.
 */
final class AddressMonitor implements AutoCloseable {
    /** One address event. */
    record Event(long micros, boolean added, String address) {
    }

    private static final Pattern LINE = Pattern.compile(
            "^\\[(\\S+)\\] (Deleted )?\\d+: \\S+\\s+inet6? ([0-9a-f.:]+)/\\d+");

    private final Path out;
    private final Process process;

    private AddressMonitor(Path out, Process process) {
        this.out = out;
        this.process = process;
    }

    static AddressMonitor start(Node node, Path dir) {
        try {
            Files.createDirectories(dir);
            Path out = dir.resolve("addr-" + node.role() + ".txt");
            Process p = new ProcessBuilder("ip", "-ts", "-n", node.nsName(), "monitor", "address")
                    .redirectErrorStream(true).redirectOutput(out.toFile()).start();
            // ip prints nothing when it is ready; its socket is open well within this pause.
            Wait.sleep(Duration.ofMillis(200));
            return new AddressMonitor(out, p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start ip monitor", e);
        }
    }

    List<Event> events() {
        List<Event> events = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(out, StandardCharsets.ISO_8859_1)) {
                Matcher m = LINE.matcher(line);
                if (m.find()) {
                    LocalDateTime t = LocalDateTime.parse(m.group(1));
                    long micros = ChronoUnit.MICROS.between(java.time.Instant.EPOCH,
                            t.atZone(ZoneId.systemDefault()).toInstant());
                    events.add(new Event(micros, m.group(2) == null, m.group(3)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return events;
    }

    /** The first time {@code address} was added at or after {@code sinceMicros}. */
    Optional<Long> added(String address, long sinceMicros) {
        return events().stream().filter(e -> e.added() && e.address().equals(address) && e.micros() >= sinceMicros)
                .map(Event::micros).findFirst();
    }

    /** Waits for {@link #added}. */
    Optional<Long> waitForAdded(String address, long sinceMicros, Duration timeout) {
        return Wait.poll(timeout, Duration.ofMillis(10), () -> added(address, sinceMicros));
    }

    @Override
    public void close() {
        Command.stop(process, 5);
    }
}
