package org.jkeepalived.core.config.reader;

import java.util.ArrayList;
import java.util.List;
import org.jkeepalived.core.config.Diagnostics;
import org.jkeepalived.core.config.SourceLocation;

/**
 * The character-level rules of keepalived.conf: comment removal, where braces split a line, and how a
 * line splits into words. Each rule below was confirmed against keepalived 2.2.7.
 *
 * <ul>
 *   <li>{@code #} and {@code !} outside double quotes start a comment, even inside a word; {@code \#} and
 *       {@code \!} outside quotes are a literal {@code #} / {@code !}; inside quotes all of these are text.</li>
 *   <li>Words are separated by whitespace. A {@code "} ends the word before it and starts a quoted word
 *       running to the next {@code "}, with no escapes ({@code foo"a b"bar} is {@code foo}, {@code a b},
 *       {@code bar}). A single quote is an ordinary character.</li>
 *   <li>An unquoted {@code {} or {@code }} splits the line: the text before it, the brace and the text
 *       after it are read as separate lines.</li>
 *   <li>A trailing {@code \} continues only a multi-line {@code $NAME=} definition; elsewhere it stays as
 *       text, glued to the word before it.</li>
 * </ul>
 */
final class LineLexer {
    private LineLexer() {
    }

    /** A line after comment removal, and whether it ended with a continuation backslash. */
    record Decommented(String text, boolean continued, boolean unterminatedQuote) {
    }

    /**
     * Removes the comment and surrounding blanks; a final {@code \} is reported as {@code continued} and
     * kept, with the blanks before it removed ({@code "a \"} becomes {@code "a\"}), as keepalived does.
     */
    static Decommented decomment(String raw) {
        int n = raw.length();
        int start = 0;
        while (start < n && isBlank(raw.charAt(start))) {
            start++;
        }
        StringBuilder unescaped = null; // only built when \# or \! must lose its backslash
        boolean quoted = false;
        boolean continued = false;
        int comment = -1;
        int end = n;
        int copiedTo = start;
        for (int i = start; i < n; i++) {
            char c = raw.charAt(i);
            if (c == '"') {
                if (comment < 0) {
                    quoted = !quoted;
                }
            } else if (c == '\\') {
                if (i + 1 >= n) {
                    end = i;
                    continued = true;
                    break;
                }
                char next = raw.charAt(i + 1);
                if (!quoted && comment < 0 && (next == '#' || next == '!')) {
                    if (unescaped == null) {
                        unescaped = new StringBuilder(n);
                    }
                    unescaped.append(raw, copiedTo, i);
                    copiedTo = i + 1;
                }
                i++;
            } else if ((c == '#' || c == '!') && !quoted && comment < 0) {
                comment = i;
            }
        }
        int stop = comment >= 0 ? comment : end;
        String text;
        if (unescaped == null) {
            text = raw.substring(start, stop);
        } else {
            unescaped.append(raw, copiedTo, Math.max(copiedTo, stop));
            text = unescaped.toString();
        }
        int t = text.length();
        while (t > 0 && isBlank(text.charAt(t - 1))) {
            t--;
        }
        text = text.substring(0, t);
        if (continued) {
            text = text + "\\";
        }
        return new Decommented(text, continued, quoted);
    }

    /**
     * Where an unquoted brace first occurs in the line, or -1. A quote left open hides every brace after it.
     */
    static int firstBrace(String line) {
        int n = line.length();
        for (int i = 0; i < n; i++) {
            char c = line.charAt(i);
            if (c == '{' || c == '}') {
                return i;
            }
            if (c == '"') {
                int close = line.indexOf('"', i + 1);
                if (close < 0) {
                    return -1;
                }
                i = close;
            }
        }
        return -1;
    }

    /**
     * The words of a line piece that holds no unquoted brace, or a lone brace. An unterminated quote is an
     * error and, as in keepalived, the rest of the line is dropped.
     */
    static List<Token> tokens(String line, SourceLocation at, Diagnostics diagnostics) {
        if (line.length() == 1) {
            char c = line.charAt(0);
            if (c == '{') {
                return List.of(Token.OPEN);
            }
            if (c == '}') {
                return List.of(Token.CLOSE);
            }
        }
        List<Token> out = new ArrayList<>(4);
        int n = line.length();
        int i = 0;
        while (i < n) {
            char c = line.charAt(i);
            if (isSpace(c)) {
                i++;
            } else if (c == '"') {
                int close = line.indexOf('"', i + 1);
                if (close < 0) {
                    diagnostics.error(at, out.isEmpty() ? "" : out.get(0).text(),
                            "unterminated quote: '" + line.substring(i) + "' is ignored");
                    break;
                }
                out.add(Token.word(line.substring(i + 1, close)));
                i = close + 1;
            } else {
                int start = i;
                while (i < n && !isSpace(line.charAt(i)) && line.charAt(i) != '"') {
                    i++;
                }
                out.add(Token.word(line.substring(start, i)));
            }
        }
        return out;
    }

    /** Whitespace as C's isspace() sees it in the "C" locale: what separates words. */
    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0b;
    }

    /** Space or tab: what keepalived trims around a line and after {@code @id}. */
    static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }
}
