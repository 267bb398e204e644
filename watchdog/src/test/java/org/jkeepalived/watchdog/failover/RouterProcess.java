package org.jkeepalived.watchdog.failover;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jkeepalived.core.testing.Daemon;
import org.jkeepalived.core.testing.DaemonProcess;

/**
 * One VRRP daemon (jkeepalived or keepalived) running in the foreground inside a router's
 * namespace, with its configuration, pid files and console log in a directory of its own.
 */
final class RouterProcess extends DaemonProcess {
    private final Daemon daemon;
    private final Node node;

    private RouterProcess(Daemon daemon, Node node, Path log, Process process) {
        super(daemon + "@" + node.role(), log, process);
        this.daemon = daemon;
        this.node = node;
    }

    /** Writes {@code config} to {@code dir} and starts {@code daemon} on it inside {@code node}'s namespace. */
    static RouterProcess start(Daemon daemon, Node node, String config, Path dir) {
        try {
            Files.createDirectories(dir);
            Path conf = dir.resolve("keepalived.conf");
            Files.writeString(conf, config, StandardCharsets.UTF_8);
            Path log = dir.resolve(daemon + ".log");
            return new RouterProcess(daemon, node, log, launch(node.ns(), argv(daemon, conf, dir), log, null));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + daemon + " in " + node.nsName(), e);
        }
    }

    /** The command line that runs the VRRP subsystem in the foreground, logging to the console. */
    private static List<String> argv(Daemon daemon, Path config, Path runDir) {
        List<String> options = new ArrayList<>(List.of("-n", "-l", "-D", "-P", "-f", config.toString(),
                "-p", runDir.resolve("parent.pid").toString(),
                "-r", runDir.resolve("vrrp.pid").toString()));
        if (daemon == Daemon.KEEPALIVED) {
            options.addAll(List.of("-c", runDir.resolve("checkers.pid").toString()));
        }
        return daemon.command(options);
    }

    Daemon daemon() {
        return daemon;
    }

    Node node() {
        return node;
    }
}
