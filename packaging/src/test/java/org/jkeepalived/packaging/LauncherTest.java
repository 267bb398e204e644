package org.jkeepalived.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The installed launcher (packaging/sbin/jkeepalived) starts the JVM exactly as bin/jkeepalived does. */
class LauncherTest {
    private static final Path INSTALLED = Path.of("sbin", "jkeepalived");
    private static final Path SOURCE_TREE = Path.of("..", "bin", "jkeepalived");

    @Test
    void runsTheSameJvmCommandAsTheSourceTreeLauncher() throws IOException {
        assertEquals(execCommand(SOURCE_TREE), execCommand(INSTALLED),
                "keep packaging/sbin/jkeepalived's exec line (JVM options, main class) in step with bin/jkeepalived");
    }

    @Test
    void takesTheJarsFromTheInstalledLibraryDirectory() throws IOException {
        assertTrue(Files.readAllLines(INSTALLED).contains("lib=/usr/share/jkeepalived/lib"));
        assertTrue(Files.isExecutable(INSTALLED), "the launcher must be executable in the source tree too");
    }

    /** The launcher's {@code exec ...} command with its continuation lines joined. */
    static String execCommand(Path launcher) throws IOException {
        List<String> lines = Files.readAllLines(launcher);
        StringBuilder command = new StringBuilder();
        boolean inExec = false;
        for (String line : lines) {
            String trimmed = line.strip();
            if (trimmed.startsWith("exec ")) {
                inExec = true;
            }
            if (inExec) {
                boolean continues = trimmed.endsWith("\\");
                command.append(continues ? trimmed.substring(0, trimmed.length() - 1).strip() : trimmed).append(' ');
                if (!continues) {
                    break;
                }
            }
        }
        assertTrue(inExec, launcher + " has no exec line");
        return command.toString().strip();
    }
}
