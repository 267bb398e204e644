package org.jkeepalived.checkers.probe;

import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.function.Consumer;

import org.jkeepalived.core.config.lvs.check.HttpUrl;

/**
 * One {@code url} of an HTTP_GET/SSL_GET check: sends the request, reads the response to its end (connection
 * close or Content-Length) and judges status code, digest and regex.
 */
final class HttpDialog implements Dialog {
    private final byte[] request;
    private final HttpUrl url;
    private final Optional<UrlRegex> regex;
    private final Consumer<HttpResponse> observer;

    HttpDialog(byte[] request, HttpUrl url, Optional<UrlRegex> regex, Consumer<HttpResponse> observer) {
        this.request = request;
        this.url = url;
        this.regex = regex;
        this.observer = observer;
    }

    @Override
    public byte[] opening() {
        return request;
    }

    @Override
    public Step received(ByteBuffer received, boolean eof) {
        if (!eof && !HttpResponse.complete(received)) {
            return MORE;
        }
        HttpResponse r = HttpResponse.parse(received);
        observer.accept(r);
        return new Done(judge(url, regex, r));
    }

    /** keepalived's verdict on one response. */
    static ProbeResult judge(HttpUrl url, Optional<UrlRegex> regex, HttpResponse r) {
        if (r.status() < 0) {
            return ProbeResult.failed("no HTTP response for " + url.path());
        }
        boolean statusOk = url.statusCodes().stream().anyMatch(s -> s.contains(r.status()));
        if (!statusOk) {
            return ProbeResult.failed("HTTP status code error to " + url.path() + ": " + r.status());
        }
        if (!url.digests().isEmpty()) {
            String d = r.digest();
            if (!url.digests().contains(d)) {
                return ProbeResult.failed("MD5 digest error to " + url.path() + ": " + d);
            }
        }
        if (regex.isPresent()) {
            boolean found = regex.get().found(r.body());
            if (found == url.regexNoMatch()) {
                return ProbeResult.failed("regex " + (found ? "matched" : "did not match") + " on " + url.path());
            }
        }
        return ProbeResult.ok();
    }
}
