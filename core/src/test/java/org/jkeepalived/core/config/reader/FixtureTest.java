package org.jkeepalived.core.config.reader;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Reads each fixture directory under {@code reader/} (its keepalived.conf with config-id "main") and
 * compares the tree with expected.txt and the diagnostics with expected-diagnostics.txt.
 */
class FixtureTest {
    static Path fixture(String name) {
        try {
            return Path.of(FixtureTest.class.getResource("/reader/" + name + "/keepalived.conf").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"combined", "errors"})
    void readsAsExpected(String name) throws IOException {
        Path dir = fixture(name);
        var r = Trees.readFile(dir.resolve("keepalived.conf"), new ReaderOptions("main", false));
        String tree = Trees.outline(r.nodes(), dir);
        String diagnostics = r.diagnostics().all().stream().map(d -> Trees.relative(d, dir) + "\n")
                .collect(Collectors.joining());
        if (Boolean.getBoolean("reader.fixtures.print")) {
            System.out.println("=== " + name + "\n" + tree + "--- diagnostics\n" + diagnostics);
        }
        assertEquals(Files.readString(dir.resolve("expected.txt")), tree);
        Path expectedDiagnostics = dir.resolve("expected-diagnostics.txt");
        assertEquals(Files.exists(expectedDiagnostics) ? Files.readString(expectedDiagnostics) : "", diagnostics);
    }
}
