package org.jkeepalived.checkers.probe;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * MISC_CHECK: runs {@code misc_path} without waiting on it (the process's exit is a future), killing it at
 * {@code misc_timeout}. Exit 0 is success; with {@code misc_dynamic} 1 is failure and 2..255 success with the
 * weight set to status − 2 (expressed as a delta from the configured weight); without it any non-zero status
 * fails.
 */
public final class MiscProbe implements Probe {
    private final List<String> command;
    private final Duration timeout;
    private final boolean dynamic;
    private final int configuredWeight;
    private final Executor launcher;

    /** {@code launcher} forks the process, so neither the scheduler nor the reactor thread waits for fork. */
    public MiscProbe(List<String> command, Duration timeout, boolean dynamic, int configuredWeight,
                     Executor launcher) {
        this.command = List.copyOf(command);
        this.timeout = timeout;
        this.dynamic = dynamic;
        this.configuredWeight = configuredWeight;
        this.launcher = launcher;
    }

    @Override
    public void run(Consumer<ProbeResult> done) {
        launcher.execute(() -> {
            Process p;
            try {
                p = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            } catch (IOException | RuntimeException e) {
                done.accept(ProbeResult.failed("cannot run " + command.get(0) + ": " + e.getMessage()));
                return;
            }
            p.onExit().orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).whenComplete((proc, error) -> {
                if (error != null) {
                    p.descendants().forEach(ProcessHandle::destroyForcibly);
                    p.destroyForcibly();
                    done.accept(ProbeResult.failed(error instanceof TimeoutException
                            ? "timed out after " + timeout.toMillis() + " ms" : error.toString()));
                    return;
                }
                done.accept(verdict(proc.exitValue(), dynamic, configuredWeight));
            });
        });
    }

    /** keepalived's reading of a MISC_CHECK exit status. */
    static ProbeResult verdict(int status, boolean dynamic, int configuredWeight) {
        if (status == 0) {
            return ProbeResult.ok();
        }
        if (dynamic && status >= 2 && status <= 255) {
            return new ProbeResult(true, "exit status " + status, OptionalLong.of(status - 2L - configuredWeight));
        }
        return ProbeResult.failed("exit status " + status);
    }
}
