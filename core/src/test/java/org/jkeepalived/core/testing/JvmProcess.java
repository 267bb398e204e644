package org.jkeepalived.core.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A test main run in its own JVM inside a network namespace ({@code ip netns exec}), with the test class path;
 * its stdout lines are collected for bounded waits and stdin takes commands. Closing kills it.
 */
public final class JvmProcess implements AutoCloseable {
    private final Process process;
    private final Writer stdin;
    private final LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> seen = new ArrayList<>();

    /** Starts {@code main} with {@code args} inside {@code ns}, its stderr to {@code log}. */
    public JvmProcess(NetworkNamespace ns, Class<?> main, Path log, String... args) throws IOException {
        List<String> argv = ns.inside(command(main, List.of("-Xmx256m", "-XX:TieredStopAtLevel=1"), args));
        process = new ProcessBuilder(argv).redirectError(log.toFile()).start();
        stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    lines.add(line);
                }
            } catch (IOException e) {
                // process gone
            }
        });
        reader.setDaemon(true);
        reader.start();
    }

    /** This JVM's java executable. */
    public static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The test class path, plus {@code -Dit.extra.classpath} (e.g. an slf4j binding to see the child's log). */
    public static String classPath() {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String extra = System.getProperty("it.extra.classpath", "");
        return extra.isEmpty() ? cp : cp + ":" + extra;
    }

    /** The command line that runs {@code main} with {@code args} on the test class path. */
    public static List<String> command(Class<?> main, List<String> jvmOptions, String... args) {
        List<String> argv = new ArrayList<>(List.of(java()));
        argv.addAll(jvmOptions);
        argv.addAll(List.of("-cp", classPath(), main.getName()));
        argv.addAll(List.of(args));
        return argv;
    }

    public void send(String command) throws IOException {
        stdin.write(command + "\n");
        stdin.flush();
    }

    /** Waits at most {@code millis} for a line matching {@code p}; returns it, or null. Lines read stay seen. */
    public String await(Predicate<String> p, long millis) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (true) {
            long left = end - System.nanoTime();
            if (left <= 0) {
                return null;
            }
            String l = lines.poll(left, TimeUnit.NANOSECONDS);
            if (l == null) {
                return null;
            }
            seen.add(l);
            if (p.test(l)) {
                return l;
            }
        }
    }

    /** The last line seen that starts with {@code prefix}, or "". */
    public String last(String prefix) {
        String out = "";
        for (String l : seen) {
            if (l.startsWith(prefix)) {
                out = l;
            }
        }
        return out;
    }

    @Override
    public void close() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
