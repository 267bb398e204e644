package org.jkeepalived.netlink.vmac;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads and writes sysctls through /proc/sys. The net.* tree shows the network namespace of the
 * thread that opens the file, so a thread that entered a namespace with setns(2) sees that
 * namespace's values.
 */
public final class ProcSysctl {
    private final Path root;

    public ProcSysctl() {
        this(Path.of("/proc/sys"));
    }

    /** A sysctl tree rooted elsewhere, for tests. */
    public ProcSysctl(Path root) {
        this.root = root;
    }

    public String read(String key) throws IOException {
        return Files.readString(root.resolve(key), StandardCharsets.US_ASCII).trim();
    }

    /** Writes {@code setting} and returns the previous value, so the caller can restore it later. */
    public String write(SysctlSetting setting) throws IOException {
        Path p = root.resolve(setting.key());
        String previous = Files.readString(p, StandardCharsets.US_ASCII).trim();
        if (!previous.equals(setting.value())) {
            Files.writeString(p, setting.value() + "\n", StandardCharsets.US_ASCII);
        }
        return previous;
    }
}
