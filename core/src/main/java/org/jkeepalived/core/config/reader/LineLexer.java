package org.jkeepalived.core.config.reader;

import java.util.ArrayList;
import java.util.List;
import org.jkeepalived.core.config.Diagnostics;
import org.jkeepalived.core.config.SourceLocation;

/**
 * Splits one line of keepalived.conf into words and braces, as keepalived 2.2.7's parser does.
 *
 * <p>Rules confirmed against the real binary: words are separated by whitespace; a {@code "} ends the
 * word before it and starts a quoted word that runs to the next {@code "} with no escapes at all
 * ({@code foo"a b"bar} is the three words {@code foo}, {@code a b}, {@code bar}); a single quote is an
 * ordinary character; {@code {} and {@code }} outside quotes are words of their own even when written
 * against other text; {@code #} and {@code !} outside quotes start a comment, even inside a word.
 */
final class LineLexer {
    private LineLexer() {
    }

    /**
     * The line without its comment and without surrounding whitespace. Quotes are tracked so a
     * {@code #} or {@code !} inside {@code "…"} is text.
     */
    static String decomment(String line) {
        boolean quoted = false;
        int n = line.length();
        int end = n;
        for (int i = 0; i < n; i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '#' || c == '!')) {
                end = i;
                break;
            }
        }
        int start = 0;
        while (start < end && isSpace(line.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(line.charAt(end - 1))) {
            end--;
        }
        return start == 0 && end == n ? line : line.substring(start, end);
    }

    /** The words and braces of a line that has already been decommented. */
    static List<Token> tokens(String line, SourceLocation at, Diagnostics diagnostics) {
        List<Token> out = new ArrayList<>();
        int n = line.length();
        int i = 0;
        while (i < n) {
            char c = line.charAt(i);
            if (isSpace(c)) {
                i++;
            } else if (c == '{') {
                out.add(Token.OPEN);
                i++;
            } else if (c == '}') {
                out.add(Token.CLOSE);
                i++;
            } else if (c == '"') {
                int close = line.indexOf('"', i + 1);
                if (close < 0) {
                    // keepalived reports "Unterminated quote" and drops the quoted text.
                    diagnostics.error(at, "", "unterminated quote: '" + line.substring(i) + "' is ignored");
                    break;
                }
                out.add(Token.word(line.substring(i + 1, close)));
                i = close + 1;
            } else {
                int start = i;
                while (i < n) {
                    char d = line.charAt(i);
                    if (isSpace(d) || d == '"' || d == '{' || d == '}') {
                        break;
                    }
                    i++;
                }
                out.add(Token.word(line.substring(start, i)));
            }
        }
        return out;
    }

    /** Whitespace as C's isspace() sees it in the "C" locale. */
    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0b;
    }
}
