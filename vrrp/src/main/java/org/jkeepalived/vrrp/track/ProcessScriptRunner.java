package org.jkeepalived.vrrp.track;

import java.io.File;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The real {@link ScriptRunner}: {@link ProcessBuilder} on one launcher thread (so a slow fork never delays
 * the VRRP scheduler), stdin from /dev/null and output discarded as keepalived does, the exit observed
 * through {@link Process#onExit()} (the JDK's reaper thread), and past its timeout the process and every
 * descendant killed with SIGKILL (keepalived kills the script's process group; a JVM cannot make one, so the
 * tree is walked before the parent dies and its children are re-parented).
 */
public final class ProcessScriptRunner implements ScriptRunner, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ProcessScriptRunner.class);
    private static final File DEV_NULL = new File("/dev/null");

    private final ScheduledExecutorService launcher;
    private final Set<Process> live = ConcurrentHashMap.newKeySet();
    private final Set<Process> bounded = ConcurrentHashMap.newKeySet();

    public ProcessScriptRunner() {
        ScheduledThreadPoolExecutor e = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "script-launcher");
            t.setDaemon(true);
            return t;
        });
        e.setRemoveOnCancelPolicy(true);
        this.launcher = e;
    }

    @Override
    public Running run(List<String> argv, Duration timeout, Consumer<ScriptOutcome> done) {
        List<String> copy = List.copyOf(argv);
        Run run = new Run();
        try {
            launcher.execute(() -> launch(copy, timeout, done, run));
        } catch (RejectedExecutionException e) {
            done.accept(ScriptOutcome.notStarted("runner closed"));
        }
        return run;
    }

    /** One run's process once started, and whether it was killed before that. */
    private final class Run implements Running {
        private Process process;
        private boolean killed;

        @Override
        public void kill() {
            Process p;
            synchronized (this) {
                killed = true;
                p = process;
            }
            if (p != null && p.isAlive()) {
                killTree(p.toHandle());
            }
        }

        /** Records the started process; false when the run was killed before it started. */
        synchronized boolean started(Process p) {
            process = p;
            return !killed;
        }
    }

    private void launch(List<String> argv, Duration timeout, Consumer<ScriptOutcome> done, Run run) {
        Process p;
        if (!execFormat(program(argv))) {
            // the JDK (and setpriv's execvp) would hand such a file to /bin/sh; keepalived's execve fails
            done.accept(ScriptOutcome.notStarted("Exec format error: " + program(argv)));
            return;
        }
        try {
            p = new ProcessBuilder(argv).directory(new File("/")).redirectInput(DEV_NULL)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException | RuntimeException e) {
            LOG.debug("cannot start {}: {}", argv, e.getMessage());
            done.accept(ScriptOutcome.notStarted(e.getMessage()));
            return;
        }
        live.add(p);
        if (timeout != null) {
            bounded.add(p);
        }
        if (!run.started(p)) {
            killTree(p.toHandle());
        }
        AtomicBoolean timedOut = new AtomicBoolean();
        ScheduledFuture<?> killer = timeout == null ? null : launcher.schedule(() -> {
            if (p.isAlive()) {
                timedOut.set(true);
                killTree(p.toHandle());
            }
        }, Math.max(1, timeout.toNanos()), TimeUnit.NANOSECONDS);
        p.onExit().whenComplete((proc, error) -> {
            live.remove(p);
            bounded.remove(p);
            if (killer != null) {
                killer.cancel(false);
            }
            if (timedOut.get()) {
                done.accept(ScriptOutcome.timedOut());
            } else {
                int status = p.exitValue();
                // a process killed by a signal shows as 128 + signo; keepalived reports it as a failure too
                done.accept(ScriptOutcome.exited(status));
            }
        });
    }

    /** The program the argv runs: after setpriv's options when it starts with setpriv. */
    static String program(List<String> argv) {
        int dashes = argv.indexOf("--");
        return argv.get(0).equals(ScriptCommandLine.SETPRIV) && dashes >= 0 && dashes + 1 < argv.size()
                ? argv.get(dashes + 1) : argv.get(0);
    }

    /** Whether a file execve accepts: an interpreter line or an ELF image (anything unreadable: let exec say). */
    static boolean execFormat(String program) {
        if (!program.contains("/")) {
            return true;
        }
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(java.nio.file.Path.of(program))) {
            byte[] head = in.readNBytes(4);
            return head.length >= 2 && head[0] == '#' && head[1] == '!'
                    || head.length == 4 && head[0] == 0x7f && head[1] == 'E' && head[2] == 'L' && head[3] == 'F';
        } catch (IOException | RuntimeException e) {
            return true;
        }
    }

    /** Kills {@code root} and every process it started, children first collected while they are still ours. */
    static void killTree(ProcessHandle root) {
        List<ProcessHandle> tree = root.descendants().toList();
        root.destroyForcibly();
        for (ProcessHandle h : tree) {
            h.destroyForcibly();
        }
    }

    /** Stops launching and kills every script still running, as keepalived does when it stops. */
    @Override
    public void close() {
        close(Duration.ZERO);
    }

    /**
     * Lets runs already asked for start, waits at most {@code grace} for the runs that have a timeout (notify
     * scripts for STOP, say) to end, then kills everything still running (FIFO readers included).
     */
    public void close(Duration grace) {
        long deadline = System.nanoTime() + grace.toNanos();
        try {
            launcher.submit(() -> { }).get(grace.toNanos(), TimeUnit.NANOSECONDS);
            while (bounded.stream().anyMatch(Process::isAlive) && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException
                 | RejectedExecutionException e) {
            LOG.debug("closing the script runner: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        launcher.shutdownNow();
        for (Process p : live) {
            killTree(p.toHandle());
        }
    }
}
