package org.jkeepalived.core.config.lvs.check;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.jkeepalived.core.config.SourceLocation;

/**
 * One {@code url { … }} of an HTTP_GET/SSL_GET checker.
 *
 * @param digests      lower-case 32-hex-digit MD5 digests, any of which is accepted (none: not checked)
 * @param statusCodes  accepted status codes; {@link StatusRange#DEFAULT} (200-299) when none was written
 * @param regexOptions the {@code regex_options} words, as written
 * @param regexStack   {@code regex_stack START MAX}: two values, or empty
 */
public record HttpUrl(String path, List<String> digests, List<StatusRange> statusCodes, Optional<String> virtualhost,
                      Optional<String> regex, boolean regexNoMatch, List<String> regexOptions, List<Long> regexStack,
                      OptionalLong regexMinOffset, OptionalLong regexMaxOffset, SourceLocation location) {
    /** An inclusive range of HTTP status codes; a single code has {@code from == to}. */
    public record StatusRange(int from, int to) {
        public static final StatusRange DEFAULT = new StatusRange(200, 299);

        public boolean contains(int code) {
            return code >= from && code <= to;
        }
    }

    public HttpUrl {
        Objects.requireNonNull(path, "path");
        digests = List.copyOf(digests);
        statusCodes = List.copyOf(statusCodes);
        Objects.requireNonNull(virtualhost, "virtualhost");
        Objects.requireNonNull(regex, "regex");
        regexOptions = List.copyOf(regexOptions);
        regexStack = List.copyOf(regexStack);
        Objects.requireNonNull(regexMinOffset, "regexMinOffset");
        Objects.requireNonNull(regexMaxOffset, "regexMaxOffset");
        Objects.requireNonNull(location, "location");
    }
}
