package org.jkeepalived.checkers.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import org.jkeepalived.checkers.policy.Configs;
import org.jkeepalived.core.config.lvs.check.HttpGetCheck;
import org.jkeepalived.core.config.lvs.check.HttpUrl;
import org.junit.jupiter.api.Test;

/** A url's regex with keepalived's offsets and options (man keepalived.conf; keepalived 2.2.7's check_regex). */
class UrlRegexTest {
    private static HttpUrl url(String keywords) {
        return ((HttpGetCheck) Configs.parse("virtual_server 192.0.2.1 80 {\n protocol TCP\n lvs_sched rr\n"
                + " lvs_method NAT\n real_server 192.0.2.2 80 {\n  HTTP_GET {\n   url {\n    path /\n" + keywords
                + "\n   }\n  }\n }\n}\n").lvs().virtualServers().get(0).realServers().get(0).checkers().get(0))
                .urls().get(0);
    }

    private static boolean found(String keywords, String body) {
        return UrlRegex.of(url(keywords)).orElseThrow().found(body.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void theMatchMustStartAtOrAfterTheMinimumOffset() {
        assertTrue(found("regex OK", "xxOK"));
        assertTrue(found("regex OK\n regex_min_offset 2", "xxOK"));
        assertFalse(found("regex OK\n regex_min_offset 3", "xxOK"));
        assertFalse(found("regex OK\n regex_min_offset 10", "xxOK"), "offset beyond the body");
    }

    @Test
    void theMatchMustStartAtOrBeforeTheMaximumOffset() {
        // keepalived stores max + 1 and accepts a match starting below it: the offset itself is allowed
        assertTrue(found("regex OK\n regex_max_offset 2", "xxOK"));
        assertFalse(found("regex OK\n regex_max_offset 1", "xxOK"));
        // only the first match counts, as with pcre2: a later one inside the window is not looked for
        assertFalse(found("regex O.\n regex_max_offset 1", "xxOKOK"));
        assertTrue(found("regex OK\n regex_min_offset 1\n regex_max_offset 2", "xxOK"));
    }

    @Test
    void aStartOffsetIsNotTheStartOfTheSubject() {
        assertFalse(found("regex ^OK\n regex_min_offset 2", "xxOK"), "^ is the body's start, not the offset");
        assertTrue(found("regex (?<=xx)OK\n regex_min_offset 2", "xxOK"), "lookbehind sees bytes before the offset");
    }

    @Test
    void optionsWithAJavaCounterpartApply() {
        assertFalse(found("regex ok", "OK"));
        assertTrue(found("regex ok\n regex_options caseless", "OK"));
        assertTrue(found("regex ^b\n regex_options multiline", "a\nb"));
        assertTrue(found("regex a.b\n regex_options dotall", "a\nb"));
        assertEquals(0, UrlRegex.flags(List.of("no_start_optimize", "use_offset_limit")));
    }

    @Test
    void anInvalidRegexIsDropped() {
        assertEquals(Optional.empty(), UrlRegex.of(url("regex \"(unclosed\"")));
    }

    @Test
    void regexNoMatchFailsOnAMatchInTheWindow() {
        HttpUrl u = url("regex DOWN\n regex_no_match\n regex_max_offset 1");
        HttpResponse late = new HttpResponse(200, "HTTP/1.0 200 OK", "--DOWN".getBytes(StandardCharsets.ISO_8859_1));
        assertTrue(HttpDialog.judge(u, UrlRegex.of(u), late).success(), "beyond max_offset: no match");
        HttpResponse early = new HttpResponse(200, "HTTP/1.0 200 OK", "DOWN".getBytes(StandardCharsets.ISO_8859_1));
        assertFalse(HttpDialog.judge(u, UrlRegex.of(u), early).success());
    }
}
