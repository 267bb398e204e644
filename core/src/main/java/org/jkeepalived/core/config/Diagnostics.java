package org.jkeepalived.core.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Collects the diagnostics of one configuration load, in the order they were found. Not thread-safe. */
public final class Diagnostics {
    private final List<Diagnostic> all = new ArrayList<>();

    public void error(SourceLocation at, String keyword, String message) {
        all.add(new Diagnostic(Severity.ERROR, at, keyword, message));
    }

    public void warning(SourceLocation at, String keyword, String message) {
        all.add(new Diagnostic(Severity.WARNING, at, keyword, message));
    }

    public void error(ConfigNode node, String message) {
        error(node.location(), node.keyword(), message);
    }

    public void warning(ConfigNode node, String message) {
        warning(node.location(), node.keyword(), message);
    }

    public void add(Diagnostic diagnostic) {
        all.add(diagnostic);
    }

    public List<Diagnostic> all() {
        return Collections.unmodifiableList(all);
    }

    public boolean hasErrors() {
        return all.stream().anyMatch(d -> d.severity() == Severity.ERROR);
    }

    public long errorCount() {
        return all.stream().filter(d -> d.severity() == Severity.ERROR).count();
    }

    public long warningCount() {
        return all.stream().filter(d -> d.severity() == Severity.WARNING).count();
    }
}
