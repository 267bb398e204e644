package org.jkeepalived.core.config.lvs;

import java.util.Objects;
import java.util.Optional;
import org.jkeepalived.core.config.ConfigNode;
import org.jkeepalived.core.config.Diagnostics;
import org.jkeepalived.core.config.SourceLocation;

/**
 * The top-level {@code SSL} block: the key password, CA file, certificate and key the {@code SSL_GET} checkers
 * use. Without the block (or with an empty one) keepalived generates an SSL context; the files are only read when
 * the checker starts, so {@code keepalived -t} does not look at them and neither does the reader.
 */
public record SslSettings(Optional<String> password, Optional<String> ca, Optional<String> certificate,
                          Optional<String> key, SourceLocation location) {
    public SslSettings {
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(ca, "ca");
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(location, "location");
    }

    /** Reads one block; as keepalived, a keyword without a value is an error and extra words are ignored. */
    static SslSettings read(ConfigNode block, Diagnostics d) {
        Optional<String> password = Optional.empty();
        Optional<String> ca = Optional.empty();
        Optional<String> certificate = Optional.empty();
        Optional<String> key = Optional.empty();
        for (ConfigNode n : block.children()) {
            Optional<String> v = Optional.ofNullable(n.arg(0));
            switch (n.keyword()) {
                case "password" -> password = value(n, v, "password", d);
                case "ca" -> ca = value(n, v, "CA file", d);
                case "certificate" -> certificate = value(n, v, "certificate file", d);
                case "key" -> key = value(n, v, "key file", d);
                default -> d.error(n, "unknown keyword in SSL, ignored");
            }
        }
        return new SslSettings(password, ca, certificate, key, block.location());
    }

    private static Optional<String> value(ConfigNode n, Optional<String> v, String what, Diagnostics d) {
        if (v.isEmpty()) {
            d.error(n, "SSL " + what + " missing");
        }
        return v;
    }
}
