package org.jkeepalived.checkers.daemon;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import org.jkeepalived.core.config.HostFiles;

/**
 * An in-memory host for MISC_CHECK script vetting: root-owned /usr/bin and /opt, a world-writable /opt/open, the
 * users root and nobody; no symbolic links.
 */
final class FakeHostFiles implements HostFiles {
    final Map<String, FileStatus> files = new HashMap<>();
    final Map<String, Account> users = new HashMap<>(Map.of("root", new Account(0, 0),
            "nobody", new Account(65534, 65534)));

    FakeHostFiles() {
        dir("/", 0755);
        dir("/usr", 0755);
        dir("/usr/bin", 0755);
        dir("/opt", 0755);
        dir("/opt/open", 0777);
        program("/usr/bin/true", 0755);
        program("/opt/check.sh", 0755);
        program("/opt/open/check.sh", 0755);
        program("/opt/plain.txt", 0644);
    }

    void dir(String p, int mode) {
        files.put(p, new FileStatus(0, 0, FileStatus.S_IFDIR | mode));
    }

    void program(String p, int mode) {
        files.put(p, new FileStatus(0, 0, FileStatus.S_IFREG | mode));
    }

    @Override
    public Optional<FileStatus> status(String path, boolean follow) {
        return Optional.ofNullable(files.get(path));
    }

    @Override
    public Optional<String> realPath(String path) {
        return files.containsKey(path) ? Optional.of(path) : Optional.empty();
    }

    @Override
    public List<String> searchPath() {
        return List.of("/usr/bin");
    }

    @Override
    public Optional<Account> user(String name) {
        return Optional.ofNullable(users.get(name));
    }

    @Override
    public OptionalInt group(String name) {
        return name.equals("root") ? OptionalInt.of(0) : OptionalInt.empty();
    }
}
