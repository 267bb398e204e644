package org.jkeepalived.watchdog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.jkeepalived.core.config.HostFiles;
import org.jkeepalived.core.config.HostInterfaces;

/**
 * What the command line needs to know of the host it runs on: its short name, its interfaces and the files
 * and users the configuration's scripts are checked against.
 */
public interface HostView {
    /** The node name up to its first dot: keepalived's default config id. */
    String shortHostName();

    HostInterfaces interfaces();

    /**
     * Every interface of this process's network namespace, up or down, with or without addresses.
     * {@code /proc/self/net/dev} lists them all; java.net.NetworkInterface does not (it misses an
     * interface that has no address yet, such as a veth whose peer is down).
     */
    static Set<String> interfaceNames() {
        Set<String> names = new HashSet<>();
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/net/dev"))) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    names.add(line.substring(0, colon).trim());
                }
            }
        } catch (IOException e) {
            // No procfs: report no interfaces, so every named interface is flagged rather than trusted.
        }
        return names;
    }

    /** The host's files and users for the script checks; empty leaves scripts unchecked. */
    default Optional<HostFiles> files() {
        return Optional.empty();
    }

    /** The real host, seen from this process's UTS and network namespaces. */
    static HostView system() {
        return new HostView() {
            @Override
            public String shortHostName() {
                String name;
                try {
                    // The kernel's node name, as uname(2) gives keepalived; no DNS involved.
                    name = Files.readString(Path.of("/proc/sys/kernel/hostname")).trim();
                } catch (IOException e) {
                    name = "localhost";
                }
                int dot = name.indexOf('.');
                return dot > 0 ? name.substring(0, dot) : name;
            }

            @Override
            public Optional<HostFiles> files() {
                return Optional.of(PosixHostFiles.system());
            }

            @Override
            public HostInterfaces interfaces() {
                Set<String> names = interfaceNames();
                return names::contains;
            }
        };
    }
}
