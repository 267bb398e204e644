package org.jkeepalived.watchdog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jkeepalived.core.testing.Command;
import org.jkeepalived.core.testing.Daemon;
import org.jkeepalived.core.testing.NetworkNamespace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code jkeepalived -t} accepts exactly the configurations {@code keepalived -t} accepts: every
 * sample Debian's keepalived package ships, our own sample and our agreement fixtures, each checked
 * by both programs inside a namespace that has the interfaces the samples name (eth0..eth3,
 * plus eth4, which is down and has no address).
 */
class KeepalivedAgreementIT {
    private static final Path SAMPLES = Path.of("/usr/share/doc/keepalived/samples");
    private static NetworkNamespace ns;

    @BeforeAll
    static void namespace() {
        assumeTrue(Command.isRoot(), "needs root for network namespaces");
        assumeTrue(Command.available("keepalived"), "needs keepalived (bin/install-test-deps)");
        ns = NetworkNamespace.create();
        ns.vethPair("eth0", "eth1");
        ns.vethPair("eth2", "eth3");
        // Left down and without addresses: java.net.NetworkInterface cannot see such an interface,
        // keepalived can (down-interface.conf).
        ns.ip("link", "add", "eth4", "type", "veth", "peer", "name", "eth5");
    }

    @AfterAll
    static void teardown() {
        if (ns != null) {
            ns.close();
        }
    }

    static Stream<Path> configs() throws IOException {
        List<Path> all = new ArrayList<>();
        if (Files.isDirectory(SAMPLES)) {
            try (Stream<Path> s = Files.list(SAMPLES)) {
                s.filter(p -> p.getFileName().toString().startsWith("keepalived.conf")).sorted().forEach(all::add);
            }
        }
        all.add(Path.of("..", "etc", "keepalived", "keepalived.conf").toAbsolutePath().normalize());
        Path fixtures = Path.of("src", "test", "resources", "agreement").toAbsolutePath();
        try (Stream<Path> s = Files.list(fixtures)) {
            s.filter(p -> p.toString().endsWith(".conf")).sorted().forEach(all::add);
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configs")
    void acceptsWhatKeepalivedAccepts(Path config) {
        Command.Result theirs = ns.exec(60, "keepalived", "-t", "-f", config.toString());
        Command.Result ours = ns.exec(60, Daemon.LAUNCHER.toString(), "-t", "-f", config.toString());
        String why = "keepalived -t exited " + theirs.exitCode() + ":\n" + theirs.output()
                + "\njkeepalived -t exited " + ours.exitCode() + ":\n" + ours.output();
        assertEquals(theirs.exitCode() == 0, ours.exitCode() == 0, why);
    }
}
