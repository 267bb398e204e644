package org.jkeepalived.watchdog;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Daemonising without {@code -n}. A JVM cannot fork, so the foreground process starts itself again with
 * the same command line under {@code setsid} (util-linux: a new session, no controlling terminal), with
 * its standard streams on /dev/null, then waits until that daemon has written its pid file and exits 0,
 * as keepalived's foreground process does after its fork.
 */
final class Detach {
    private static final Logger LOG = LoggerFactory.getLogger("org.jkeepalived.Keepalived");
    /** Marks the re-executed daemon, so it does not detach again. */
    static final String ENV = "JKEEPALIVED_DETACHED";
    private static final long WAIT_MILLIS = 30_000;

    private Detach() {
    }

    static boolean isDetached() {
        return "1".equals(System.getenv(ENV));
    }

    /** Starts the detached daemon and waits for its pid file; returns this process's exit status. */
    static int detach(Path pidFile) {
        ProcessHandle.Info info = ProcessHandle.current().info();
        if (info.command().isEmpty() || info.arguments().isEmpty()) {
            LOG.error("Cannot daemonise: this process's command line is unknown; run with -n");
            return ExitStatus.FATAL;
        }
        List<String> command = new ArrayList<>(List.of("setsid", info.command().get()));
        command.addAll(List.of(info.arguments().get()));
        ProcessBuilder pb = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put(ENV, "1");
        JvmCommand.environment(pb.environment());
        Process daemon;
        try {
            daemon = pb.start();
        } catch (IOException e) {
            LOG.error("Cannot daemonise ({}); run with -n", e.getMessage());
            return ExitStatus.FATAL;
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MILLIS);
        try {
            while (System.nanoTime() < deadline) {
                if (PidFile.runningPid(pidFile, Path.of("/proc")) > 0) {
                    return ExitStatus.OK;
                }
                if (daemon.waitFor(20, TimeUnit.MILLISECONDS)) {
                    return daemon.exitValue();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.error("The daemon did not write {} in time", pidFile);
        return ExitStatus.FATAL;
    }
}
