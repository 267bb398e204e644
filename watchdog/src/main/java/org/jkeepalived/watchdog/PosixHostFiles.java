package org.jkeepalived.watchdog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.jkeepalived.core.config.HostFiles;

/**
 * The host's files and users as keepalived sees them: {@code stat} through the JDK's "unix" file attributes,
 * {@code realpath} through {@link Path#toRealPath}, the search path from {@code PATH} (the C library's
 * default {@code /bin:/usr/bin} without one) and users and groups from the passwd and group files (no NSS:
 * LDAP or systemd-homed users are not seen).
 */
final class PosixHostFiles implements HostFiles {
    /** What {@code confstr(_CS_PATH)} gives on glibc, keepalived's search path when PATH is unset. */
    static final String DEFAULT_PATH = "/bin:/usr/bin";

    private final Path passwd;
    private final Path groups;
    private final List<String> searchPath;

    PosixHostFiles(Path passwd, Path groups, String path) {
        this.passwd = passwd;
        this.groups = groups;
        this.searchPath = Arrays.asList((path == null ? DEFAULT_PATH : path).split(":", -1));
    }

    static PosixHostFiles system() {
        return new PosixHostFiles(Path.of("/etc/passwd"), Path.of("/etc/group"), System.getenv("PATH"));
    }

    @Override
    public Optional<FileStatus> status(String path, boolean follow) {
        try {
            LinkOption[] options = follow ? new LinkOption[0] : new LinkOption[] {LinkOption.NOFOLLOW_LINKS};
            Map<String, Object> a = Files.readAttributes(Path.of(path), "unix:uid,gid,mode", options);
            return Optional.of(new FileStatus((Integer) a.get("uid"), (Integer) a.get("gid"), (Integer) a.get("mode")));
        } catch (IOException | InvalidPathException | UnsupportedOperationException e) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<String> realPath(String path) {
        try {
            return Optional.of(Path.of(path).toRealPath().toString());
        } catch (IOException | InvalidPathException e) {
            return Optional.empty();
        }
    }

    @Override
    public List<String> searchPath() {
        return searchPath;
    }

    @Override
    public Optional<Account> user(String name) {
        // name:password:uid:gid:gecos:home:shell
        return entry(passwd, name, 4).map(f -> new Account(Integer.parseInt(f[2]), Integer.parseInt(f[3])));
    }

    @Override
    public OptionalInt group(String name) {
        // name:password:gid:members
        return entry(groups, name, 3).map(f -> OptionalInt.of(Integer.parseInt(f[2]))).orElse(OptionalInt.empty());
    }

    private static Optional<String[]> entry(Path file, String name, int minFields) {
        try {
            for (String line : Files.readAllLines(file)) {
                String[] f = line.split(":", -1);
                if (f.length >= minFields && f[0].equals(name) && f[2].matches("\\d+")
                        && (minFields < 4 || f[3].matches("\\d+"))) {
                    return Optional.of(f);
                }
            }
        } catch (IOException e) {
            // An unreadable database knows no one, as getpwnam then finds no one.
        }
        return Optional.empty();
    }
}
