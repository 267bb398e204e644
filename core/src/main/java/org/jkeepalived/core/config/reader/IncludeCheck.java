package org.jkeepalived.core.config.reader;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * One of keepalived's {@code include_check} conditions that turn a quiet include problem into an error.
 * {@code includer}, {@code includem}, {@code includew}, {@code includeb} and {@code includea} add them
 * for one include; {@code -e} (all-config) turns them all on.
 */
enum IncludeCheck {
    /** A file that matched cannot be read, or is not a regular non-executable file. */
    READABLE,
    /** A pattern without wildcards matches no file. */
    MATCH,
    /** A pattern with wildcards matches no file. */
    WILDCARD_MATCH,
    /** One alternative of a brace list matches no file. */
    BRACE_MATCH;

    /** The checks an include keyword adds, or null when the word is not an include keyword. */
    static Set<IncludeCheck> forKeyword(String word) {
        return switch (word) {
            case "include" -> EnumSet.noneOf(IncludeCheck.class);
            case "includer" -> EnumSet.of(READABLE);
            case "includem" -> EnumSet.of(READABLE, MATCH);
            case "includew" -> EnumSet.of(READABLE, WILDCARD_MATCH);
            case "includeb" -> EnumSet.of(READABLE, BRACE_MATCH);
            case "includea" -> EnumSet.allOf(IncludeCheck.class);
            default -> null;
        };
    }

    /** The check named in an {@code include_check} option, or null. */
    static IncludeCheck named(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "readable" -> READABLE;
            case "match" -> MATCH;
            case "wildcard_match" -> WILDCARD_MATCH;
            case "brace_match" -> BRACE_MATCH;
            default -> null;
        };
    }
}
