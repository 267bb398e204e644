package org.jkeepalived.core.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs an external command for an integration test, with a time bound, capturing its output. */
public final class Command {
    /** What a finished command returned. */
    public record Result(int exitCode, String stdout, String stderr) {
        public String output() {
            return stdout + stderr;
        }
    }

    private Command() {
    }

    public static Result run(long timeoutSeconds, List<String> argv) {
        ProcessBuilder pb = new ProcessBuilder(argv);
        try {
            java.io.File out = java.io.File.createTempFile("jk-cmd", ".out");
            java.io.File err = java.io.File.createTempFile("jk-cmd", ".err");
            try {
                pb.redirectOutput(out).redirectError(err);
                Process p = pb.start();
                if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    p.waitFor(5, TimeUnit.SECONDS);
                    throw new IllegalStateException("timed out after " + timeoutSeconds + " s: " + argv);
                }
                return new Result(p.exitValue(),
                        java.nio.file.Files.readString(out.toPath(), StandardCharsets.UTF_8),
                        java.nio.file.Files.readString(err.toPath(), StandardCharsets.UTF_8));
            } finally {
                out.delete();
                err.delete();
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + argv + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running " + argv, e);
        }
    }

    public static Result run(String... argv) {
        return run(60, List.of(argv));
    }

    /** Runs and fails unless the command exits 0. */
    public static Result check(String... argv) {
        Result r = run(argv);
        if (r.exitCode() != 0) {
            throw new IllegalStateException(String.join(" ", argv) + " exited " + r.exitCode() + ": " + r.output());
        }
        return r;
    }

    /** True when {@code name} is an executable on the PATH. */
    public static boolean available(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/sbin:/usr/bin:/sbin:/bin").split(":")) {
            if (java.nio.file.Files.isExecutable(java.nio.file.Path.of(dir, name))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Stops {@code process}: SIGTERM, and SIGKILL if it still runs after {@code graceSeconds}; every wait is
     * bounded.
     */
    public static void stop(Process process, long graceSeconds) {
        process.destroy();
        try {
            if (!process.waitFor(graceSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** True when this process runs as root (integration tests need it for namespaces). */
    public static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }
}
