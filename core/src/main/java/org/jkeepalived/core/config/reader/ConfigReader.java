package org.jkeepalived.core.config.reader;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jkeepalived.core.config.ConfigNode;
import org.jkeepalived.core.config.Diagnostics;
import org.jkeepalived.core.config.SourceLocation;

/**
 * Reads keepalived.conf's language layer into a tree of {@link ConfigNode}s: comments, quotes, blocks,
 * includes, {@code $NAME} definitions, {@code @id} conditionals and {@code ~SEQ}/{@code ~LST} lines are
 * resolved here, so later stages only see keywords, arguments and blocks. Problems go to the
 * {@link Diagnostics} with the file and line they come from; reading never throws for bad input.
 */
public final class ConfigReader {
    private ConfigReader() {
    }

    /** Reads a configuration file; a missing or unreadable file is an error at {@code file:0}. */
    public static List<ConfigNode> read(Path file, ReaderOptions options, Diagnostics diagnostics) {
        String text;
        try {
            text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            diagnostics.error(new SourceLocation(file.toString(), 0), "",
                    "cannot read configuration file: " + describe(e));
            return List.of();
        }
        Path dir = file.toAbsolutePath().getParent();
        return read(text, file.toString(), dir, options, diagnostics);
    }

    /**
     * Reads configuration text as if it were the file {@code fileName}; relative includes are resolved
     * against {@code baseDir}.
     */
    public static List<ConfigNode> read(String text, String fileName, Path baseDir, ReaderOptions options,
                                        Diagnostics diagnostics) {
        return read(text, fileName, baseDir, options, diagnostics, Preprocessor.MAX_LINES);
    }

    /** As {@link #read(String, String, Path, ReaderOptions, Diagnostics)} with a smaller expansion budget. */
    static List<ConfigNode> read(String text, String fileName, Path baseDir, ReaderOptions options,
                                 Diagnostics diagnostics, long maxLines) {
        BlockBuilder builder = new BlockBuilder(diagnostics);
        try {
            new Preprocessor(options, diagnostics, builder, maxLines).readTop(text, fileName, baseDir);
        } catch (RuntimeException | StackOverflowError e) {
            // A bug here must not take the daemon down with an obscure trace; say where reading stopped.
            diagnostics.error(new SourceLocation(fileName, 0), "",
                    "internal error while reading configuration: " + describe(e));
        }
        return builder.finish();
    }

    static String describe(Throwable e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }
}
