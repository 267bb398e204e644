package org.jkeepalived.checkers.probe;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

import javax.net.ssl.SSLEngine;

import org.jkeepalived.core.config.lvs.check.HttpGetCheck;
import org.jkeepalived.core.config.lvs.check.HttpUrl;

/**
 * HTTP_GET/SSL_GET: fetches each {@code url} in turn on its own connection, each bounded by connect_timeout; the
 * check passes when every url passes. (keepalived spaces urls delay_loop apart while recovering unless
 * fast_recovery; here they are always fetched back to back, as with fast_recovery.)
 */
public final class HttpProbe implements Probe {
    private final ProbeReactor reactor;
    private final Endpoint endpoint;
    private final HttpGetCheck check;
    private final Optional<String> virtualhost;
    private final Supplier<SSLEngine> tls;
    private final List<Optional<UrlRegex>> regexes;

    /** {@code tls} makes an engine per connection, or is null for HTTP_GET. */
    public HttpProbe(ProbeReactor reactor, Endpoint endpoint, HttpGetCheck check, Optional<String> virtualhost,
                     Supplier<SSLEngine> tls) {
        this.reactor = reactor;
        this.endpoint = endpoint;
        this.check = check;
        this.virtualhost = virtualhost;
        this.tls = tls;
        this.regexes = check.urls().stream().map(UrlRegex::of).toList();
    }

    @Override
    public void run(Consumer<ProbeResult> done) {
        fetch(0, done);
    }

    private void fetch(int i, Consumer<ProbeResult> done) {
        if (i >= check.urls().size()) {
            done.accept(ProbeResult.ok());
            return;
        }
        HttpUrl url = check.urls().get(i);
        byte[] request = HttpRequest.get(url.path(), check.httpProtocol(), url.virtualhost().or(() -> virtualhost),
                endpoint.connect());
        HttpDialog dialog = new HttpDialog(request, url, regexes.get(i), r -> { });
        new StreamSession(reactor, endpoint, dialog, tls == null ? null : tls.get(), r -> {
            if (r.success()) {
                fetch(i + 1, done);
            } else {
                done.accept(r);
            }
        }).launch(endpoint.timeout().toNanos());
    }
}
