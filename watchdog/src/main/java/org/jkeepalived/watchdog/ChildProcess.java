package org.jkeepalived.watchdog;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.jkeepalived.core.time.Clock;
import org.jkeepalived.watchdog.status.ReplyFrames;
import org.jkeepalived.watchdog.status.StatusDocument;

/**
 * The parent's handle on one child JVM: starts it with a pipe on its standard input (commands go down
 * it; its end of file tells the child that the parent is gone, however the parent died), its standard
 * error shared with the parent's (the console with {@code -l}) and its standard output read for its answers to
 * status queries ({@link ReplyFrames}).
 */
final class ChildProcess {
    private final ChildKind kind;
    private final RespawnPolicy respawn;
    private List<String> command;
    private final AtomicLong queryIds = new AtomicLong();
    private volatile Process process;
    private volatile OutputStream commands;
    private volatile ReplyFrames replies;

    ChildProcess(ChildKind kind, List<String> command, Clock clock) {
        this.kind = kind;
        this.command = List.copyOf(command);
        this.respawn = new RespawnPolicy(clock);
    }

    ChildKind kind() {
        return kind;
    }

    RespawnPolicy respawn() {
        return respawn;
    }

    /** The command for the next start (a reload may change the heap size). */
    void command(List<String> next) {
        command = List.copyOf(next);
    }

    /** Starts the child; returns what completes when it exits. */
    CompletableFuture<Process> start() throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command)
                .redirectOutput(ProcessBuilder.Redirect.PIPE)
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        JvmCommand.environment(pb.environment());
        Process p = pb.start();
        ReplyFrames frames = new ReplyFrames();
        Thread reader = new Thread(() -> frames.read(p.getInputStream()), kind.ident() + "-replies");
        reader.setDaemon(true);
        reader.start();
        replies = frames;
        process = p;
        commands = p.getOutputStream();
        respawn.started();
        return process.onExit();
    }

    /** The running process, or null before the first start. */
    Process process() {
        return process;
    }

    long pid() {
        return process == null ? -1 : process.pid();
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    /** Sends one command; false when the child is gone. */
    boolean send(ChildCommand c) {
        return sendLine(c.name());
    }

    private synchronized boolean sendLine(String line) {
        OutputStream out = commands;
        if (out == null) {
            return false;
        }
        try {
            out.write((line + "\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Asks the running child for a status document (from any thread); empty when it is not running or does not
     * answer within {@code timeoutMillis}.
     */
    Optional<String> query(StatusDocument d, long timeoutMillis) {
        ReplyFrames frames = replies;
        if (frames == null || !alive()) {
            return Optional.empty();
        }
        long id = queryIds.incrementAndGet();
        CompletableFuture<String> answer = frames.expect(id);
        if (!sendLine(d.queryLine(id))) {
            frames.forget(id);
            return Optional.empty();
        }
        try {
            return Optional.of(frames.await(id, answer, timeoutMillis));
        } catch (TimeoutException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** Asks the child to stop and closes its pipe (which alone would stop it too). */
    synchronized void stop() {
        send(ChildCommand.STOP);
        try {
            if (commands != null) {
                commands.close();
            }
        } catch (IOException e) {
            // the child is gone already
        }
    }
}
