package org.jkeepalived.watchdog.failover;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A VRRP daemon the failover tests can run: this repository's jkeepalived or Debian's keepalived. */
enum Daemon {
    JKEEPALIVED,
    KEEPALIVED;

    /** bin/jkeepalived of this checkout (failsafe runs in the watchdog module directory). */
    static final Path LAUNCHER = Path.of("..", "bin", "jkeepalived").toAbsolutePath().normalize();

    /** The command line that runs the VRRP subsystem in the foreground, logging to the console. */
    List<String> argv(Path config, Path runDir) {
        List<String> argv = new ArrayList<>();
        argv.add(this == JKEEPALIVED ? LAUNCHER.toString() : "keepalived");
        argv.addAll(List.of("-n", "-l", "-D", "-P", "-f", config.toString(),
                "-p", runDir.resolve("parent.pid").toString(),
                "-r", runDir.resolve("vrrp.pid").toString()));
        if (this == KEEPALIVED) {
            argv.addAll(List.of("-c", runDir.resolve("checkers.pid").toString()));
        }
        return argv;
    }

    @Override
    public String toString() {
        return name().toLowerCase();
    }
}
