package org.jkeepalived.core.config;

import java.util.Objects;

/** A place in a configuration file: the file as the operator named it (or as an include resolved it) and a 1-based line. */
public record SourceLocation(String file, int line) {
    public SourceLocation {
        Objects.requireNonNull(file, "file");
    }

    /** Renders as {@code file:line}, the form every diagnostic starts with. */
    @Override
    public String toString() {
        return file + ":" + line;
    }
}
