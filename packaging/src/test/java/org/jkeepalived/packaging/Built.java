package org.jkeepalived.packaging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** What the reactor built and the packages carry, found from this module's directory. */
final class Built {
    static final Path TARGET = Path.of("target");
    static final Path LIB = Path.of("..", "watchdog", "target", "lib");
    static final Path SAMPLE = Path.of("..", "etc", "keepalived", "keepalived.conf");

    private Built() {
    }

    static Path deb() {
        return only(TARGET, "jkeepalived_*_all.deb");
    }

    static Path rpm() {
        return only(TARGET.resolve("rpm/jkeepalived/RPMS/noarch"), "jkeepalived-*.noarch.rpm");
    }

    /** The jar names of watchdog/target/lib, which the packages install under /usr/share/jkeepalived/lib. */
    static List<String> jars() {
        try (Stream<Path> files = Files.list(LIB)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path only(Path dir, String glob) {
        try (var found = Files.newDirectoryStream(dir, glob)) {
            List<Path> all = new java.util.ArrayList<>();
            found.forEach(all::add);
            if (all.size() != 1) {
                throw new IllegalStateException("expected one " + glob + " in " + dir + " (run mvn package), found " + all);
            }
            return all.get(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
