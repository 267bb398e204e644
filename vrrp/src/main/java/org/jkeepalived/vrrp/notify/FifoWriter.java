package org.jkeepalived.vrrp.notify;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jkeepalived.core.config.HostFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One notify FIFO ({@code notify_fifo} or {@code vrrp_notify_fifo}): created when missing as keepalived 2.2.7
 * creates it (checked against the binary: mode 0600, owned by the configured user and group, removed again
 * when keepalived stops; a FIFO that already exists is used as it is and left in place), opened read-write (on Linux that never waits for a reader, and a reader that comes and goes never makes a
 * write fail), and written one line per event. Writes may block when no reader drains the pipe: call
 * {@link #write} from the notify thread, never the scheduler's.
 */
final class FifoWriter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FifoWriter.class);

    private final Path path;
    private final boolean created;
    private FileChannel channel;

    private FifoWriter(Path path, boolean created) {
        this.path = path;
        this.created = created;
    }

    /**
     * Creates the FIFO if it is missing (owned by {@code owner} when given) and opens it; null (logged) when
     * that fails.
     */
    static FifoWriter open(String name, Optional<HostFiles.Account> owner) {
        Path p = Path.of(name);
        boolean created = false;
        try {
            if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
                Process mk = new ProcessBuilder("mkfifo", "-m", "0600", p.toString())
                        .redirectErrorStream(true).start();
                if (!mk.waitFor(5, TimeUnit.SECONDS) || mk.exitValue() != 0) {
                    String err = new String(mk.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
                    mk.destroyForcibly();
                    throw new IOException("mkfifo failed: " + err);
                }
                created = true;
                owner.ifPresent(o -> chown(p, o));
            }
            FifoWriter w = new FifoWriter(p, created);
            w.channel = FileChannel.open(p, StandardOpenOption.READ, StandardOpenOption.WRITE);
            return w;
        } catch (IOException e) {
            LOG.error("Unable to open notify FIFO {}: {}", name, e.getMessage());
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static void chown(Path p, HostFiles.Account owner) {
        try {
            Files.setAttribute(p, "unix:uid", owner.uid(), LinkOption.NOFOLLOW_LINKS);
            Files.setAttribute(p, "unix:gid", owner.gid(), LinkOption.NOFOLLOW_LINKS);
        } catch (IOException | UnsupportedOperationException e) {
            LOG.warn("Unable to set owner of notify FIFO {} to {}:{}: {}", p, owner.uid(), owner.gid(), e.getMessage());
        }
    }

    Path path() {
        return path;
    }

    /** Whether this writer created the FIFO (keepalived removes only those on exit). */
    boolean created() {
        return created;
    }

    void write(String line) {
        try {
            ByteBuffer b = ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8));
            while (b.hasRemaining()) {
                channel.write(b);
            }
        } catch (IOException e) {
            LOG.warn("Write to notify FIFO {} failed: {}", path, e.getMessage());
        }
    }

    /** The words of the FIFO script's command line: the configured ones and the FIFO name last. */
    static List<String> scriptExtra(FifoWriter w) {
        return List.of(w.path.toString());
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            LOG.debug("closing {}: {}", path, e.getMessage());
        }
    }
}
