package org.jkeepalived.checkers.probe;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.jkeepalived.core.config.lvs.check.HttpUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A url's {@code regex} as keepalived 2.2.7's HTTP_GET applies it to the body (the bytes after the header, one
 * byte per character): the first match may start no earlier than {@code regex_min_offset} (a lookbehind still
 * sees the bytes before it, and {@code ^} still means the start of the body, as with pcre2's start offset) and
 * no later than {@code regex_max_offset}; a match that starts beyond it counts as no match. The
 * {@code regex_options} Java has an equivalent for are applied (caseless, multiline, dotall, extended, ucp); the
 * others are accepted and ignored. {@code regex_stack} sizes pcre2's JIT stack and means nothing here. Pure.
 *
 * @param minOffset where a match may start at the earliest (0: the body's first byte)
 * @param maxOffset where a match may start at the latest, when given
 */
public record UrlRegex(Pattern pattern, long minOffset, OptionalLong maxOffset) {
    private static final Logger LOG = LoggerFactory.getLogger(UrlRegex.class);

    /** The regex of {@code url}, or empty without one or when it does not compile (logged, as keepalived does). */
    public static Optional<UrlRegex> of(HttpUrl url) {
        if (url.regex().isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new UrlRegex(Pattern.compile(url.regex().get(), flags(url.regexOptions())),
                    url.regexMinOffset().orElse(0), url.regexMaxOffset()));
        } catch (PatternSyntaxException e) {
            LOG.warn("Invalid regex: '{}' at offset {}: {}", url.regex().get(), Math.max(0, e.getIndex()),
                    e.getDescription());
            return Optional.empty();
        }
    }

    /** The {@link Pattern} flags for keepalived's pcre2 option words; the others have no Java counterpart. */
    static int flags(List<String> options) {
        int f = 0;
        for (String o : options) {
            f |= switch (o) {
                case "caseless" -> Pattern.CASE_INSENSITIVE;
                case "multiline" -> Pattern.MULTILINE;
                case "dotall" -> Pattern.DOTALL;
                case "extended" -> Pattern.COMMENTS;
                case "ucp" -> Pattern.UNICODE_CHARACTER_CLASS;
                default -> 0;
            };
        }
        return f;
    }

    /** Whether the body holds a match starting between the offsets. */
    public boolean found(byte[] body) {
        String text = new String(body, StandardCharsets.ISO_8859_1);
        if (minOffset > text.length()) {
            return false;
        }
        Matcher m = pattern.matcher(text).region((int) minOffset, text.length());
        // pcre2 with a start offset: lookbehinds see the earlier bytes and ^ anchors only at the subject's start
        m.useTransparentBounds(true).useAnchoringBounds(false);
        if (!m.find()) {
            return false;
        }
        return maxOffset.isEmpty() || m.start() <= maxOffset.getAsLong();
    }
}
