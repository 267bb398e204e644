package org.jkeepalived.watchdog;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A pid file as keepalived keeps one: the pid and a newline, written at start, removed at exit. A file
 * naming another live process means the daemon already runs (keepalived then logs "daemon is already
 * running" and exits 0); a file naming a dead process is stale and overwritten.
 */
final class PidFile {
    /** keepalived's defaults. */
    static final Path DEFAULT_PARENT = Path.of("/run/keepalived.pid");
    static final Path DEFAULT_VRRP = Path.of("/run/keepalived_vrrp.pid");

    private final Path path;
    private final long pid;

    private PidFile(Path path, long pid) {
        this.path = path;
        this.pid = pid;
    }

    /** The live process another pid file names, or -1 when it is absent, unreadable or stale. */
    static long runningPid(Path path, Path proc) {
        try {
            long other = Long.parseLong(Files.readString(path, StandardCharsets.US_ASCII).trim());
            return other != ProcessHandle.current().pid() && Files.isDirectory(proc.resolve(Long.toString(other)))
                    ? other : -1;
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    /** Writes {@code pid} to {@code path}, creating its directory. */
    static PidFile write(Path path, long pid) throws IOException {
        Path dir = path.toAbsolutePath().getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        Files.writeString(path, pid + "\n", StandardCharsets.US_ASCII);
        return new PidFile(path, pid);
    }

    Path path() {
        return path;
    }

    /** Deletes the file if it still holds our pid (another daemon may have taken it over). */
    void remove() {
        try {
            if (Files.readString(path, StandardCharsets.US_ASCII).trim().equals(Long.toString(pid))) {
                Files.delete(path);
            }
        } catch (IOException e) {
            // already gone: nothing to clean
        }
    }
}
