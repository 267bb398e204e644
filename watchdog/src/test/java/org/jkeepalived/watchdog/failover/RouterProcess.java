package org.jkeepalived.watchdog.failover;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jkeepalived.core.testing.Command;

/**
 * One VRRP daemon (jkeepalived or keepalived) running in the foreground inside a router's
 * namespace, with its configuration, pid files and console log in a directory of its own.
 */
final class RouterProcess implements AutoCloseable {
    private final Daemon daemon;
    private final Node node;
    private final Path log;
    private final Process process;

    private RouterProcess(Daemon daemon, Node node, Path log, Process process) {
        this.daemon = daemon;
        this.node = node;
        this.log = log;
        this.process = process;
    }

    /** Writes {@code config} to {@code dir} and starts {@code daemon} on it inside {@code node}'s namespace. */
    static RouterProcess start(Daemon daemon, Node node, String config, Path dir) {
        try {
            Files.createDirectories(dir);
            Path conf = dir.resolve("keepalived.conf");
            Files.writeString(conf, config, StandardCharsets.UTF_8);
            Path log = dir.resolve(daemon + ".log");
            List<String> argv = new ArrayList<>(List.of("ip", "netns", "exec", node.nsName()));
            argv.addAll(daemon.argv(conf, dir));
            // ip netns exec execs the daemon (and bin/jkeepalived execs java), so the pid is the daemon's.
            Process p = new ProcessBuilder(argv).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            return new RouterProcess(daemon, node, log, p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + daemon + " in " + node.nsName(), e);
        }
    }

    Daemon daemon() {
        return daemon;
    }

    Node node() {
        return node;
    }

    Path log() {
        return log;
    }

    long pid() {
        return process.pid();
    }

    String logText() {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.ISO_8859_1) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A position in the log; {@link #waitForLog(int, Pattern, Duration)} looks only after it. */
    int mark() {
        return logText().length();
    }

    /** Waits for a log line matching {@code pattern} anywhere in the log; returns the line. */
    String waitForLog(Pattern pattern, Duration timeout) {
        return waitForLog(0, pattern, timeout);
    }

    /** Waits for a log line after {@code mark} matching {@code pattern}; fails with the log's tail. */
    String waitForLog(int mark, Pattern pattern, Duration timeout) {
        Optional<String> line = Wait.poll(timeout, Duration.ofMillis(10), () -> find(mark, pattern));
        if (line.isEmpty()) {
            throw new AssertionError(this + ": no log line matching /" + pattern + "/ within " + timeout
                    + (process.isAlive() ? "" : " (exited " + process.exitValue() + ")") + "\n" + tail());
        }
        return line.get();
    }

    private Optional<String> find(int mark, Pattern pattern) {
        String text = logText();
        Matcher m = pattern.matcher(text.substring(Math.min(mark, text.length())));
        while (m.find()) {
            int start = text.lastIndexOf('\n', mark + m.start()) + 1;
            int end = text.indexOf('\n', mark + m.end());
            if (end >= 0) { // only whole lines
                return Optional.of(text.substring(start, end));
            }
        }
        return Optional.empty();
    }

    /** How many log lines after {@code mark} match {@code pattern}. */
    long count(int mark, Pattern pattern) {
        String text = logText();
        return pattern.matcher(text.substring(Math.min(mark, text.length()))).results().count();
    }

    /** The last 40 lines of the log, for failure messages. */
    String tail() {
        String[] lines = logText().split("\n");
        return String.join("\n", List.of(lines).subList(Math.max(0, lines.length - 40), lines.length));
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Sends SIGTERM (graceful stop: priority 0 advert, VIPs removed). */
    void terminate() {
        process.destroy();
    }

    /** Waits for the daemon to exit; its exit code, or empty if it still ran after {@code timeout}. */
    Optional<Integer> waitForExit(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    ? Optional.of(process.exitValue()) : Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Kills the daemon and its children with SIGKILL, as a crash would: nothing runs its shutdown, so
     * the VIPs stay. The parent is stopped first so it can neither respawn a child nor, by dying,
     * make a child (which keepalived gives a parent-death signal) shut down gracefully.
     */
    void crash() {
        long pid = process.pid();
        Command.run(5, List.of("kill", "-STOP", Long.toString(pid)));
        List<ProcessHandle> children = process.descendants().toList();
        for (ProcessHandle child : children) {
            child.destroyForcibly();
        }
        process.destroyForcibly();
        for (ProcessHandle child : children) {
            child.onExit().orTimeout(5, TimeUnit.SECONDS).exceptionally(e -> child).join();
        }
        waitForExit(Duration.ofSeconds(5));
    }

    @Override
    public void close() {
        if (process.isAlive() || process.descendants().findAny().isPresent()) {
            crash();
        }
    }

    @Override
    public String toString() {
        return daemon + "@" + node.role() + " (pid " + process.pid() + ", log " + log + ")";
    }
}
