package org.jkeepalived.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A long-running process an integration test starts inside a network namespace (a jkeepalived or keepalived
 * daemon, a tcpdump, a test server) with its output appended to a log file, and the bounded waits for a line of
 * that log. Closing it kills it and everything it started.
 */
public class DaemonProcess implements AutoCloseable {
    private final String name;
    private final Path log;
    private final Process process;

    protected DaemonProcess(String name, Path log, Process process) {
        this.name = name;
        this.log = log;
        this.process = process;
    }

    /** Starts {@code command} inside {@code ns}, stdout and stderr appended to {@code log}. */
    public static DaemonProcess start(String name, NetworkNamespace ns, List<String> command, Path log) {
        return new DaemonProcess(name, log, launch(ns, command, log, null));
    }

    /**
     * Starts {@code command} inside {@code ns} ({@code ip netns exec} execs it, so the pid is the command's),
     * stdout appended to {@code log} and stderr to {@code errLog}, or to {@code log} too when that is null.
     */
    public static Process launch(NetworkNamespace ns, List<String> command, Path log, Path errLog) {
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            ProcessBuilder pb = new ProcessBuilder(ns.inside(command))
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            if (errLog == null) {
                pb.redirectErrorStream(true);
            } else {
                pb.redirectError(ProcessBuilder.Redirect.appendTo(errLog.toFile()));
            }
            return pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command + " in " + ns.name(), e);
        }
    }

    /** The whole text of {@code file}, or "" while it does not exist. */
    public static String text(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.ISO_8859_1) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path log() {
        return log;
    }

    public long pid() {
        return process.pid();
    }

    public String logText() {
        return text(log);
    }

    /** A position in the log; {@link #waitForLog(int, Pattern, Duration)} looks only after it. */
    public int mark() {
        return logText().length();
    }

    /** Waits for a log line matching {@code pattern} anywhere in the log; returns the line. */
    public String waitForLog(Pattern pattern, Duration timeout) {
        return waitForLog(0, pattern, timeout);
    }

    /** Waits for a log line after {@code mark} matching {@code pattern}; fails with the log's tail. */
    public String waitForLog(int mark, Pattern pattern, Duration timeout) {
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
    public long count(int mark, Pattern pattern) {
        String text = logText();
        return pattern.matcher(text.substring(Math.min(mark, text.length()))).results().count();
    }

    /** The last 40 lines of the log, for failure messages. */
    public String tail() {
        String[] lines = logText().split("\n");
        return String.join("\n", List.of(lines).subList(Math.max(0, lines.length - 40), lines.length));
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Sends SIGTERM (for a VRRP daemon a graceful stop: priority 0 advert, VIPs removed). */
    public void terminate() {
        process.destroy();
    }

    /** Sends SIGKILL to this process alone, not to what it started. */
    public void kill() {
        process.destroyForcibly();
    }

    /** Sends the signal {@code name} ({@code HUP}, {@code USR1}, ...) with kill(1). */
    public void signal(String name) {
        Command.check("kill", "-" + name, Long.toString(process.pid()));
    }

    /** Waits for the process to exit; its exit code, or empty if it still ran after {@code timeout}. */
    public Optional<Integer> waitForExit(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    ? Optional.of(process.exitValue()) : Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sends SIGTERM and waits at most {@code graceSeconds} for the exit, then SIGKILL. */
    public void stop(long graceSeconds) {
        Command.stop(process, graceSeconds);
    }

    /**
     * Kills the process and its children with SIGKILL, as a crash would: nothing runs its shutdown, so a
     * daemon's VIPs stay. The parent is stopped first so it can neither respawn a child nor, by dying,
     * make a child (which keepalived gives a parent-death signal) shut down gracefully.
     */
    public void crash() {
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
        return name + " (pid " + process.pid() + ", log " + log + ")";
    }
}
