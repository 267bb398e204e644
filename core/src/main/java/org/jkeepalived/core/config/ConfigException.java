package org.jkeepalived.core.config;

/** A configuration that cannot be used; carries the diagnostics that say why. */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient java.util.List<Diagnostic> diagnostics;

    public ConfigException(String message, java.util.List<Diagnostic> diagnostics) {
        super(message);
        this.diagnostics = java.util.List.copyOf(diagnostics);
    }

    public java.util.List<Diagnostic> diagnostics() {
        return diagnostics;
    }
}
