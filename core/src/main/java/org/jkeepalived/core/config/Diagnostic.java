package org.jkeepalived.core.config;

import java.util.Objects;

/**
 * One finding about a configuration: where it is, which keyword it concerns and what is wrong.
 *
 * <p>Printed as {@code file:line: error: keyword: message}, so an operator can jump to the line and
 * grep for the keyword.
 */
public record Diagnostic(Severity severity, SourceLocation location, String keyword, String message) {
    public Diagnostic {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        String kw = keyword == null || keyword.isEmpty() ? "" : keyword + ": ";
        return location + ": " + severity.label() + ": " + kw + message;
    }
}
