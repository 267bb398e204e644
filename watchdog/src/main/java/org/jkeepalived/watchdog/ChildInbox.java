package org.jkeepalived.watchdog;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Function;
import org.jkeepalived.watchdog.status.ReplyFrames;
import org.jkeepalived.watchdog.status.StatusDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A child's queue of work: the parent's commands read from standard input, and this process's own
 * signals (an operator may signal a child directly, as with keepalived). End of file on standard input
 * means the parent is gone, however it died: the child then stops as on SIGTERM.
 *
 * <p>The parent's status queries ({@code QUERY METRICS 17}) are answered at once on the reader thread, not queued
 * behind a reload, on the child's standard output in {@link ReplyFrames}; standard output is reserved for them
 * ({@code System.out} is pointed at standard error).
 */
final class ChildInbox {
    private static final Logger LOG = LoggerFactory.getLogger("org.jkeepalived.Keepalived");

    private final BlockingQueue<ChildCommand> queue = new LinkedBlockingQueue<>();
    private final OutputStream replies = System.out;
    private volatile Function<StatusDocument, String> answers = d -> "";

    /** Starts reading {@code parent} (the pipe from the parent) and this process's signals. */
    static ChildInbox open(InputStream parent) {
        ChildInbox inbox = new ChildInbox();
        System.setOut(new PrintStream(System.err, true));
        DaemonSignals.install(e -> inbox.queue.add(switch (e) {
            case STOP -> ChildCommand.STOP;
            case RELOAD -> ChildCommand.RELOAD;
            case DATA -> ChildCommand.DATA;
            case STATS -> ChildCommand.STATS;
            case JSON -> ChildCommand.JSON;
            case STATS_CLEAR -> ChildCommand.STATS_CLEAR;
        }));
        Thread reader = new Thread(() -> inbox.read(parent), "parent-pipe");
        reader.setDaemon(true);
        reader.start();
        return inbox;
    }

    private void read(InputStream parent) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(parent, StandardCharsets.US_ASCII))) {
            String line;
            while ((line = r.readLine()) != null) {
                var query = StatusDocument.parseQuery(line);
                if (query.isPresent()) {
                    answer(query.get());
                    continue;
                }
                ChildCommand c = ChildCommand.parse(line).orElse(null);
                if (c == ChildCommand.STOP) {
                    queue.add(c);
                    return; // told to stop: the end of file that follows is expected
                }
                if (c != null) {
                    queue.add(c);
                }
            }
        } catch (IOException e) {
            // a broken pipe is a gone parent too
        }
        LOG.info("The parent process is gone: stopping");
        queue.add(ChildCommand.STOP);
    }

    /** Sets what answers the parent's status queries (until then they get an empty answer). */
    void answering(Function<StatusDocument, String> source) {
        answers = source;
    }

    private void answer(StatusDocument.Query q) throws IOException {
        String body;
        try {
            body = answers.apply(q.document());
        } catch (RuntimeException e) {
            LOG.warn("Cannot answer {}: {}", q.document(), e.toString());
            body = "";
        }
        ReplyFrames.write(replies, q.id(), body);
    }

    /** Waits for the next command. */
    ChildCommand take() throws InterruptedException {
        return queue.take();
    }
}
