package org.jkeepalived.core.config.lvs.check;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jkeepalived.core.config.SourceLocation;

/**
 * {@code HTTP_GET} or {@code SSL_GET} ({@code ssl} true): fetches each {@code url} and compares status, digest
 * and regex. {@code http_protocol} defaults to 1.0; {@code virtualhost} is the checker's, else the real
 * server's, else the virtual server's (a url may override it again); {@code enable_sni} only matters for
 * SSL_GET.
 */
public record HttpGetCheck(boolean ssl, CheckerCommon common, HttpProtocol httpProtocol, boolean fastRecovery,
                           boolean enableSni, Optional<String> virtualhost, List<HttpUrl> urls,
                           SourceLocation location) implements Checker {
    /** The {@code http_protocol} values; 1.0C is 1.0 plus a {@code Connection: close} header. */
    public enum HttpProtocol {
        HTTP_1_0("1.0"), HTTP_1_0C("1.0C"), HTTP_1_1("1.1");

        private final String text;

        HttpProtocol(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    public HttpGetCheck {
        Objects.requireNonNull(common, "common");
        Objects.requireNonNull(httpProtocol, "httpProtocol");
        Objects.requireNonNull(virtualhost, "virtualhost");
        urls = List.copyOf(urls);
        Objects.requireNonNull(location, "location");
    }

    @Override
    public String kind() {
        return ssl ? "SSL_GET" : "HTTP_GET";
    }
}
