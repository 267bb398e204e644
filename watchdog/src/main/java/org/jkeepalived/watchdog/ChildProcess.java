package org.jkeepalived.watchdog;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.jkeepalived.core.time.Clock;

/**
 * The parent's handle on one child JVM: starts it with a pipe on its standard input (commands go down
 * it; its end of file tells the child that the parent is gone, however the parent died), its standard
 * error shared with the parent's (the console with {@code -l}) and its standard output discarded.
 */
final class ChildProcess {
    private final ChildKind kind;
    private final RespawnPolicy respawn;
    private List<String> command;
    private Process process;
    private OutputStream commands;

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
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        JvmCommand.environment(pb.environment());
        process = pb.start();
        commands = process.getOutputStream();
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
        if (commands == null) {
            return false;
        }
        try {
            commands.write((c.name() + "\n").getBytes(StandardCharsets.US_ASCII));
            commands.flush();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Asks the child to stop and closes its pipe (which alone would stop it too). */
    void stop() {
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
