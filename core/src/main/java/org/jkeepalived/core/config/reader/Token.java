package org.jkeepalived.core.config.reader;

/**
 * One word of a statement line after quote removal, or one of the block braces.
 *
 * <p>A brace that was quoted is a plain word, so {@code "{"} can still be an argument.
 */
record Token(Kind kind, String text) {
    enum Kind { WORD, OPEN, CLOSE }

    static final Token OPEN = new Token(Kind.OPEN, "{");
    static final Token CLOSE = new Token(Kind.CLOSE, "}");

    static Token word(String text) {
        return new Token(Kind.WORD, text);
    }
}
