package org.jkeepalived.checkers.daemon;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.jkeepalived.checkers.policy.LvsNames;
import org.jkeepalived.checkers.policy.PoolListener;
import org.jkeepalived.checkers.policy.VirtualServerPool;
import org.jkeepalived.core.config.HostFiles;
import org.jkeepalived.core.config.ScriptCommand;
import org.jkeepalived.core.config.global.NotifyFifo;
import org.jkeepalived.core.config.lvs.RealServer;
import org.jkeepalived.core.config.lvs.VirtualServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries pool events outside: runs notify_up/notify_down and quorum_up/quorum_down without waiting for them,
 * and writes keepalived's lines ({@code RS [1.2.3.4]:tcp:80 [192.168.201.15]:tcp:80 UP},
 * {@code VS [192.168.201.15]:tcp:80 DOWN}) on the notify FIFOs (lvs_notify_fifo and notify_fifo).
 *
 * <p>A missing FIFO is created as keepalived 2.2.7 creates it (the VRRP side checked this against the binary):
 * mode 0600, owned by the FIFO's configured user and group (else script_user, else keepalived_script, else root),
 * and removed when the checkers stop. A FIFO that already exists is used as it is: neither chowned nor removed.
 */
final class Notifier implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Notifier.class);

    private final Executor launcher;
    private final List<RandomAccessFile> fifos = new ArrayList<>();
    private final Set<Path> created = new HashSet<>();
    private final List<Process> fifoScripts = new ArrayList<>();
    /**
     * Writes FIFO lines off the scheduler's thread: a FIFO nobody reads fills up (64 KiB) and then blocks its
     * writer, which must never be the thread that runs the checks.
     */
    private final ExecutorService fifoWriter = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "notify-fifo");
        t.setDaemon(true);
        return t;
    });

    /**
     * @param owner          who owns a FIFO this notifier creates (empty: this process)
     * @param createdEarlier FIFOs an earlier notifier created (a reload): still ours to remove on stop
     */
    Notifier(Executor launcher, List<NotifyFifo> fifoConfig, Function<NotifyFifo, Optional<HostFiles.Account>> owner,
             Set<Path> createdEarlier) {
        this.launcher = launcher;
        for (NotifyFifo f : fifoConfig) {
            Path p = Path.of(f.name());
            if (createdEarlier.contains(p)) {
                created.add(p);
            }
            open(f, p, owner);
        }
    }

    Notifier(Executor launcher, List<NotifyFifo> fifoConfig) {
        this(launcher, fifoConfig, f -> Optional.empty(), Set.of());
    }

    private void open(NotifyFifo f, Path p, Function<NotifyFifo, Optional<HostFiles.Account>> owner) {
        try {
            if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
                create(p, owner.apply(f));
            }
            // O_RDWR: opening never blocks for a reader, and writes never fail for the lack of one.
            fifos.add(new RandomAccessFile(p.toFile(), "rw"));
            if (f.script().isPresent()) {
                List<String> cmd = new ArrayList<>(f.script().get().words());
                cmd.add(p.toString());
                fifoScripts.add(new ProcessBuilder(cmd).redirectInput(new File("/dev/null"))
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectErrorStream(true).start());
            }
        } catch (IOException e) {
            LOG.warn("cannot open notify FIFO {}: {}", p, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void create(Path p, Optional<HostFiles.Account> owner) throws IOException, InterruptedException {
        Process mk = new ProcessBuilder("mkfifo", "-m", "0600", p.toString()).redirectErrorStream(true).start();
        if (!mk.waitFor(5, TimeUnit.SECONDS) || mk.exitValue() != 0) {
            String err = new String(mk.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            mk.destroyForcibly();
            throw new IOException("mkfifo failed: " + err);
        }
        created.add(p);
        // mkfifo -m is not subject to the umask; set it again in case the tool differs
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-------"));
        if (owner.isPresent()) {
            try {
                Files.setAttribute(p, "unix:uid", owner.get().uid(), LinkOption.NOFOLLOW_LINKS);
                Files.setAttribute(p, "unix:gid", owner.get().gid(), LinkOption.NOFOLLOW_LINKS);
            } catch (IOException | UnsupportedOperationException e) {
                LOG.warn("Unable to set owner of notify FIFO {} to {}:{}: {}", p, owner.get().uid(), owner.get().gid(),
                        e.getMessage());
            }
        }
    }

    /** The FIFOs this notifier (or the one it replaced) created. */
    Set<Path> created() {
        return Set.copyOf(created);
    }

    /** A listener that forwards to {@code next} (the daemon) after notifying. */
    PoolListener listener(PoolListener next) {
        return new PoolListener() {
            @Override
            public void realServerChanged(VirtualServer vs, RealServer rs, boolean up) {
                run(up ? rs.notifyUp() : rs.notifyDown());
                fifo("RS " + LvsNames.rs(rs.address(), rs.port(), vs) + " " + LvsNames.vs(vs) + (up ? " UP" : " DOWN"));
                next.realServerChanged(vs, rs, up);
            }

            @Override
            public void quorumChanged(VirtualServer vs, boolean up) {
                run(up ? vs.quorumUp() : vs.quorumDown());
                fifo("VS " + LvsNames.vs(vs) + (up ? " UP" : " DOWN"));
                next.quorumChanged(vs, up);
            }

            @Override
            public void destinationsChanged(VirtualServerPool pool) {
                next.destinationsChanged(pool);
            }
        };
    }

    void run(Optional<ScriptCommand> script) {
        if (script.isEmpty()) {
            return;
        }
        List<String> words = script.get().words();
        launcher.execute(() -> {
            try {
                Process p = new ProcessBuilder(words).redirectInput(new File("/dev/null"))
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
                p.onExit().thenAccept(x -> {
                    if (x.exitValue() != 0) {
                        LOG.info("Script {} exited with status {}", words.get(0), x.exitValue());
                    }
                });
            } catch (IOException e) {
                LOG.warn("cannot run {}: {}", script.get().command(), e.getMessage());
            }
        });
    }

    void fifo(String line) {
        if (fifos.isEmpty()) {
            return;
        }
        byte[] b = (line + "\n").getBytes(StandardCharsets.UTF_8);
        List<RandomAccessFile> to = List.copyOf(fifos);
        fifoWriter.execute(() -> {
            for (RandomAccessFile f : to) {
                try {
                    f.write(b);
                } catch (IOException e) {
                    LOG.warn("cannot write to notify FIFO: {}", e.getMessage());
                }
            }
        });
    }

    /** Stops notifying and removes the FIFOs it created. */
    @Override
    public void close() {
        close(Set.of());
    }

    /** Stops notifying and removes the FIFOs it created except {@code keep} (those the next notifier uses). */
    void close(Set<Path> keep) {
        fifoWriter.shutdown();
        try {
            fifoWriter.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (RandomAccessFile f : fifos) {
            try {
                f.close();
            } catch (IOException ignored) {
                // closing on the way out
            }
        }
        for (Process p : fifoScripts) {
            p.destroy();
        }
        for (Path p : created) {
            if (!keep.contains(p)) {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    LOG.warn("cannot remove notify FIFO {}: {}", p, e.getMessage());
                }
            }
        }
    }
}
