package org.jkeepalived.core.config;

import java.util.List;

/**
 * The outcome of reading a configuration: the model (always built: what keepalived would run with,
 * bad lines left out) and every diagnostic found on the way, in the order found.
 */
public record LoadResult(KeepalivedConfig config, List<Diagnostic> diagnostics) {
    public LoadResult {
        diagnostics = List.copyOf(diagnostics);
    }

    /** No diagnostic at all: what {@code -t} needs to exit 0, as keepalived fails {@code -t} on anything it reports. */
    public boolean clean() {
        return diagnostics.isEmpty();
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(d -> d.severity() == Severity.ERROR);
    }
}
