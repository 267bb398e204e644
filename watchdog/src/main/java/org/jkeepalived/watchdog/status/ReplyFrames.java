package org.jkeepalived.watchdog.status;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A child's answers to the parent's queries, on the child's standard output: each answer is a header line
 * {@code #jkeepalived-reply ID LENGTH} followed by exactly LENGTH bytes of UTF-8. Anything else on that stream (a
 * library printing to standard output) is skipped, so it cannot break the framing; a late answer to a query the
 * parent gave up on is matched by its id and dropped.
 */
public final class ReplyFrames {
    static final String QUERY = "QUERY";
    static final String HEADER = "#jkeepalived-reply ";

    private final Map<Long, CompletableFuture<String>> pending = new ConcurrentHashMap<>();

    /** Writes one answer (the child side). */
    public static void write(OutputStream out, long id, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        synchronized (out) {
            out.write((HEADER + id + " " + bytes.length + "\n").getBytes(StandardCharsets.US_ASCII));
            out.write(bytes);
            out.flush();
        }
    }

    /** Registers interest in the answer {@code id} before the query is sent. */
    public CompletableFuture<String> expect(long id) {
        CompletableFuture<String> f = new CompletableFuture<>();
        pending.put(id, f);
        return f;
    }

    /** Forgets an expected answer whose query could not be sent. */
    public void forget(long id) {
        pending.remove(id);
    }

    /** Waits for an expected answer; forgets it either way. */
    public String await(long id, CompletableFuture<String> answer, long timeoutMillis)
            throws TimeoutException, InterruptedException {
        try {
            return answer.get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new TimeoutException("child gone: " + e.getCause().getMessage());
        } finally {
            pending.remove(id);
        }
    }

    /** Reads answers from the child's standard output until it ends (the parent side, on its own thread). */
    public void read(InputStream in) {
        try {
            String line;
            while ((line = readLine(in)) != null) {
                if (!line.startsWith(HEADER)) {
                    continue;
                }
                String[] w = line.substring(HEADER.length()).split(" ");
                if (w.length != 2) {
                    continue;
                }
                long id = Long.parseLong(w[0]);
                int length = Integer.parseInt(w[1]);
                byte[] body = in.readNBytes(length);
                CompletableFuture<String> f = pending.remove(id);
                if (f != null) {
                    f.complete(new String(body, StandardCharsets.UTF_8));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // the child is gone or garbled its stream: fail what waits
        }
        pending.values().forEach(f -> f.completeExceptionally(new IOException("end of the child's output")));
        pending.clear();
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream(64);
        int c;
        while ((c = in.read()) != -1 && c != '\n') {
            b.write(c);
        }
        if (c == -1 && b.size() == 0) {
            return null;
        }
        return b.toString(StandardCharsets.UTF_8);
    }
}
