package org.jkeepalived.core.config;

/** How bad a diagnostic is: an error makes {@code -t} fail; a warning is printed and the config still loads. */
public enum Severity {
    WARNING("warning"),
    ERROR("error");

    private final String label;

    Severity(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
