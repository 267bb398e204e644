package org.jkeepalived.vrrp.track;

import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.jkeepalived.core.config.vrrp.VrrpTrackFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The track_file blocks at work: writes {@code init_file} values at start-up, reads each file's number and
 * reports it again whenever the file changes, watched through a {@link WatchService} (inotify on Linux) on
 * the files' directories by one daemon thread. A file that is missing or holds no number reads as 0.
 */
public final class TrackFiles implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(TrackFiles.class);
    /** Writers truncate then write: let a burst of events settle before reading. */
    private static final long SETTLE_MILLIS = 20;

    private final Map<Path, VrrpTrackFile> files = new LinkedHashMap<>();
    private final Map<Path, Long> values = new HashMap<>();
    private final BiConsumer<String, Long> sink;
    private WatchService watcher;
    private Thread thread;

    /**
     * @param sink receives (track_file name, value) from the watcher thread; move it to the scheduler
     */
    public TrackFiles(List<VrrpTrackFile> trackFiles, BiConsumer<String, Long> sink) {
        for (VrrpTrackFile f : trackFiles) {
            files.put(Path.of(f.file()).toAbsolutePath().normalize(), f);
        }
        this.sink = sink;
    }

    /** Writes init_file values: when the file is missing, or always with {@code overwrite}. */
    public void initialise() {
        for (Map.Entry<Path, VrrpTrackFile> e : files.entrySet()) {
            e.getValue().initFile().ifPresent(init -> {
                if (init.overwrite() || !Files.exists(e.getKey())) {
                    try {
                        Files.writeString(e.getKey(), init.value() + "\n", StandardCharsets.US_ASCII);
                    } catch (IOException ex) {
                        LOG.warn("track_file {}: cannot write init_file {}: {}", e.getValue().name(), e.getKey(),
                                ex.getMessage());
                    }
                }
            });
        }
    }

    /** The current value of every file, by track_file name (read now, on the caller's thread). */
    public Map<String, Long> readAll() {
        Map<String, Long> out = new LinkedHashMap<>();
        synchronized (values) {
            for (Map.Entry<Path, VrrpTrackFile> e : files.entrySet()) {
                long v = read(e.getKey());
                values.put(e.getKey(), v);
                out.put(e.getValue().name(), v);
            }
        }
        return out;
    }

    /** Starts watching the files' directories. */
    public void watch() throws IOException {
        if (files.isEmpty()) {
            return;
        }
        watcher = FileSystems.getDefault().newWatchService();
        for (Path dir : files.keySet().stream().map(Path::getParent).distinct().toList()) {
            try {
                dir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                        StandardWatchEventKinds.ENTRY_DELETE);
            } catch (IOException e) {
                LOG.warn("cannot watch {} for track_file: {}", dir, e.getMessage());
            }
        }
        thread = new Thread(this::loop, "track-file-watch");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        try {
            while (true) {
                WatchKey key = watcher.take();
                Thread.sleep(SETTLE_MILLIS);
                java.util.Set<Path> touched = new java.util.HashSet<>();
                for (WatchKey k = key; k != null; k = watcher.poll()) {
                    Path dir = (Path) k.watchable();
                    for (WatchEvent<?> ev : k.pollEvents()) {
                        if (ev.context() instanceof Path name) {
                            touched.add(dir.resolve(name));
                        } else {
                            touched.addAll(files.keySet()); // overflow: read them all
                        }
                    }
                    k.reset();
                }
                for (Path p : touched) {
                    VrrpTrackFile f = files.get(p);
                    if (f != null) {
                        update(p, f);
                    }
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closing
        }
    }

    private void update(Path p, VrrpTrackFile f) {
        long v = read(p);
        Long before;
        synchronized (values) {
            before = values.put(p, v);
        }
        if (before == null || before != v) {
            sink.accept(f.name(), v);
        }
    }

    private static long read(Path p) {
        try {
            return parseValue(Files.readString(p, StandardCharsets.US_ASCII));
        } catch (NoSuchFileException e) {
            return 0;
        } catch (IOException | java.io.UncheckedIOException e) {
            LOG.debug("cannot read track_file {}: {}", p, e.getMessage());
            return 0;
        }
    }

    /**
     * The number at the start of a track file's text (leading blanks and a sign allowed), 0 when there is none;
     * kept within the 32-bit range keepalived reads into.
     */
    public static long parseValue(String text) {
        String s = text.stripLeading();
        int i = 0;
        if (i < s.length() && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
            i++;
        }
        int digitsStart = i;
        while (i < s.length() && Character.isDigit(s.charAt(i)) && i - digitsStart < 12) {
            i++;
        }
        if (i == digitsStart) {
            return 0;
        }
        long v = Long.parseLong(s.substring(0, i));
        return Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, v));
    }

    @Override
    public void close() {
        if (watcher != null) {
            try {
                watcher.close();
            } catch (IOException e) {
                LOG.debug("closing the track_file watch: {}", e.getMessage());
            }
        }
        if (thread != null) {
            thread.interrupt();
        }
    }
}
