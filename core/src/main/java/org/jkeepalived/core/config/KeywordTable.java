package org.jkeepalived.core.config;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The keywords one kind of block accepts, each with the handler that applies it to a mutable builder
 * {@code B}. Synonyms keepalived still accepts are registered with {@link #alias} so they land in the
 * same field. A keyword the table does not know is a warning that names it, never silently dropped.
 */
public final class KeywordTable<B> {
    /** Applies one statement to the builder; it reports its own value errors into the diagnostics. */
    @FunctionalInterface
    public interface Handler<B> {
        void apply(B builder, ConfigNode node, Diagnostics diagnostics);
    }

    private final String blockName;
    private final Map<String, Handler<B>> handlers = new LinkedHashMap<>();

    public KeywordTable(String blockName) {
        this.blockName = blockName;
    }

    public KeywordTable<B> on(String keyword, Handler<B> handler) {
        if (handlers.putIfAbsent(keyword, handler) != null) {
            throw new IllegalStateException("keyword registered twice in " + blockName + ": " + keyword);
        }
        return this;
    }

    /** A handler that needs no diagnostics. */
    public KeywordTable<B> on(String keyword, BiConsumer<B, ConfigNode> handler) {
        return on(keyword, (b, n, d) -> handler.accept(b, n));
    }

    /** Registers {@code synonym} as another spelling of the already registered {@code keyword}. */
    public KeywordTable<B> alias(String synonym, String keyword) {
        Handler<B> h = handlers.get(keyword);
        if (h == null) {
            throw new IllegalStateException("alias of unregistered keyword " + keyword + " in " + blockName);
        }
        return on(synonym, h);
    }

    public boolean knows(String keyword) {
        return handlers.containsKey(keyword);
    }

    public Set<String> keywords() {
        return handlers.keySet();
    }

    public String blockName() {
        return blockName;
    }

    /** Applies every child statement of a block, in order; unknown keywords are warnings. */
    public void apply(B builder, Iterable<ConfigNode> statements, Diagnostics diagnostics) {
        for (ConfigNode node : statements) {
            Handler<B> h = handlers.get(node.keyword());
            if (h == null) {
                diagnostics.warning(node, "unknown keyword in " + blockName + ", ignored");
            } else {
                h.apply(builder, node, diagnostics);
            }
        }
    }
}
