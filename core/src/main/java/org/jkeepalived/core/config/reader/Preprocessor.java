package org.jkeepalived.core.config.reader;

import java.nio.file.Path;
import org.jkeepalived.core.config.Diagnostics;
import org.jkeepalived.core.config.SourceLocation;

/**
 * Turns file text into statement lines for the {@link BlockBuilder}, doing what keepalived does to a
 * line before its keywords are looked at.
 */
final class Preprocessor {
    private final ReaderOptions options;
    private final Diagnostics diagnostics;
    private final BlockBuilder builder;

    Preprocessor(ReaderOptions options, Diagnostics diagnostics, BlockBuilder builder) {
        this.options = options;
        this.diagnostics = diagnostics;
        this.builder = builder;
    }

    void readText(String text, String fileName, Path baseDir) {
        int n = text.length();
        int start = 0;
        int lineNo = 0;
        while (start < n) {
            int nl = text.indexOf('\n', start);
            int end = nl < 0 ? n : nl;
            lineNo++;
            String line = LineLexer.decomment(text.substring(start, end));
            if (!line.isEmpty()) {
                SourceLocation at = new SourceLocation(fileName, lineNo);
                builder.line(LineLexer.tokens(line, at, diagnostics), at);
            }
            start = end + 1;
        }
    }
}
