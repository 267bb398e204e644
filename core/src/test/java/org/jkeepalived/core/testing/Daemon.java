package org.jkeepalived.core.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A VRRP daemon an integration test can run: this repository's jkeepalived or Debian's keepalived 2.2.7. */
public enum Daemon {
    JKEEPALIVED,
    KEEPALIVED;

    /** bin/jkeepalived of this checkout (failsafe runs in a module directory, one below the root). */
    public static final Path LAUNCHER = Path.of("..", "bin", "jkeepalived").toAbsolutePath().normalize();

    /** The program to run: the launcher's absolute path, or {@code keepalived} from the PATH. */
    public String program() {
        return this == JKEEPALIVED ? LAUNCHER.toString() : "keepalived";
    }

    /** The program followed by {@code options}. */
    public List<String> command(List<String> options) {
        List<String> argv = new ArrayList<>(List.of(program()));
        argv.addAll(options);
        return argv;
    }

    @Override
    public String toString() {
        return name().toLowerCase();
    }
}
