package org.jkeepalived.core.config.lvs.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.jkeepalived.core.config.Severity;
import org.jkeepalived.core.config.lvs.Lvs;
import org.jkeepalived.core.config.lvs.check.HttpGetCheck.HttpProtocol;
import org.jkeepalived.core.config.lvs.check.HttpUrl.StatusRange;
import org.junit.jupiter.api.Test;

class HttpGetCheckTest {
    @Test
    void defaults() {
        HttpGetCheck h = (HttpGetCheck) Checkers.one("HTTP_GET {\n url {\n path /\n }\n}");
        assertFalse(h.ssl());
        assertEquals("HTTP_GET", h.kind());
        assertEquals(HttpProtocol.HTTP_1_0, h.httpProtocol());
        assertFalse(h.fastRecovery());
        assertFalse(h.enableSni());
        assertEquals(Optional.empty(), h.virtualhost());
        HttpUrl u = h.urls().get(0);
        assertEquals("/", u.path());
        assertEquals(List.of(StatusRange.DEFAULT), u.statusCodes());
        assertEquals(List.of(), u.digests());
        assertEquals(Optional.empty(), u.regex());
        assertEquals(7, u.location().line());
    }

    @Test
    void everyKeyword() {
        HttpGetCheck h = (HttpGetCheck) Checkers.one("""
                SSL_GET {
                  http_protocol 1.0C
                  fast_recovery
                  enable_sni
                  virtualhost www.example.com
                  url {
                    path /health
                    digest 9B3A0C85A887A256D6939DA88AABD8CD
                    digest 00000000000000000000000000000000
                    status_code 200-299 404 503
                    virtualhost other.example.com
                    regex "^OK"
                    regex_no_match
                    regex_options caseless multiline
                    regex_stack 1024 4096
                    regex_min_offset 2
                    regex_max_offset 100
                  }
                  url {
                    path /second
                  }
                }""");
        assertTrue(h.ssl());
        assertEquals("SSL_GET", h.kind());
        assertEquals(HttpProtocol.HTTP_1_0C, h.httpProtocol());
        assertTrue(h.fastRecovery());
        assertTrue(h.enableSni());
        assertEquals(Optional.of("www.example.com"), h.virtualhost());
        assertEquals(2, h.urls().size());
        HttpUrl u = h.urls().get(0);
        assertEquals(List.of("9b3a0c85a887a256d6939da88aabd8cd", "00000000000000000000000000000000"), u.digests());
        assertEquals(List.of(new StatusRange(200, 299), new StatusRange(404, 404), new StatusRange(503, 503)),
                u.statusCodes());
        assertEquals(Optional.of("other.example.com"), u.virtualhost());
        assertEquals(Optional.of("^OK"), u.regex());
        assertTrue(u.regexNoMatch());
        assertEquals(List.of("caseless", "multiline"), u.regexOptions());
        assertEquals(List.of(1024L, 4096L), u.regexStack());
        assertEquals(OptionalLong.of(2), u.regexMinOffset());
        assertEquals(OptionalLong.of(100), u.regexMaxOffset());
    }

    @Test
    void virtualhostIsInheritedFromTheServers() {
        var c = (HttpGetCheck) Lvs.clean(Checkers.conf(" virtualhost vs.example\n", "",
                "HTTP_GET {\n url {\n path /\n }\n}")).virtualServers().get(0).realServers().get(0).checkers().get(0);
        assertEquals(Optional.of("vs.example"), c.virtualhost());
        c = (HttpGetCheck) Lvs.clean(Checkers.conf(" virtualhost vs.example\n", "  virtualhost rs.example\n",
                "HTTP_GET {\n url {\n path /\n }\n}")).virtualServers().get(0).realServers().get(0).checkers().get(0);
        assertEquals(Optional.of("rs.example"), c.virtualhost());
    }

    @Test
    void httpProtocols() {
        assertEquals(HttpProtocol.HTTP_1_1, ((HttpGetCheck) Checkers.one(
                "HTTP_GET {\n http_protocol 1.1\n url {\n path /\n }\n}")).httpProtocol());
        assertEquals(HttpProtocol.HTTP_1_0C, ((HttpGetCheck) Checkers.one(
                "HTTP_GET {\n http_protocol 1.0c\n url {\n path /\n }\n}")).httpProtocol());
    }

    // keepalived: "Invalid http_protocol version 2.0"
    @Test
    void badHttpProtocol() {
        Checkers.read("HTTP_GET {\n http_protocol 2.0\n url {\n path /\n }\n}")
                .only(Severity.ERROR, 7, "http_protocol", "2.0");
    }

    // keepalived: "HTTP/SSL_GET checker has no urls specified - ignoring"
    @Test
    void noUrlDropsTheChecker() {
        Lvs l = Checkers.read("HTTP_GET {\n}");
        l.only(Severity.ERROR, 6, "HTTP_GET", "no url");
        assertEquals(List.of(), l.config.virtualServers().get(0).realServers().get(0).checkers());
    }

    // keepalived: "HTTP/SSL_GET checker url has no path - ignoring"
    @Test
    void urlWithoutPathIsSkipped() {
        Lvs l = Checkers.read("HTTP_GET {\n url {\n path /\n }\n url {\n digest 9b3a0c85a887a256d6939da88aabd8cd\n }\n}");
        l.only(Severity.ERROR, 10, "url", "no path");
        assertEquals(1, ((HttpGetCheck) l.config.virtualServers().get(0).realServers().get(0).checkers().get(0))
                .urls().size());
    }

    // keepalived: "Invalid HTTP_GET status code 'abc'"
    @Test
    void badStatusCodesAreDroppedOneByOne() {
        Lvs l = Checkers.read("HTTP_GET {\n url {\n path /\n status_code 200 abc 299-200 700\n }\n}");
        assertEquals(3, l.diagnostics.all().size(), l.diagnostics.all()::toString);
        assertTrue(l.has(Severity.ERROR, 9, "status_code").message().contains("'abc'"));
        HttpGetCheck h = (HttpGetCheck) l.config.virtualServers().get(0).realServers().get(0).checkers().get(0);
        assertEquals(List.of(new StatusRange(200, 200)), h.urls().get(0).statusCodes());
    }

    // keepalived: "digest '123' character length should be 32 rather than 3", "Digest '…' is a duplicate"
    @Test
    void badDigests() {
        Checkers.read("HTTP_GET {\n url {\n path /\n digest 123\n }\n}").only(Severity.ERROR, 9, "digest", "32");
        Checkers.read("HTTP_GET {\n url {\n path /\n digest 9b3a0c85a887a256d6939da88aabd8cd\n"
                + " digest 9B3A0C85A887A256D6939DA88AABD8CD\n }\n}").only(Severity.ERROR, 10, "digest", "duplicate");
    }

    // keepalived: "regex parameters specified without regex", "regex min offset 5 > regex_max_offset 2 - ignoring"
    @Test
    void regexConsistency() {
        Checkers.read("HTTP_GET {\n url {\n path /\n regex_options caseless\n }\n}")
                .only(Severity.ERROR, 9, "regex_options", "without regex");
        Checkers.read("HTTP_GET {\n url {\n path /\n regex x\n regex_min_offset 5\n regex_max_offset 2\n }\n}")
                .only(Severity.ERROR, 10, "regex_min_offset", "> regex_max_offset");
        Checkers.read("HTTP_GET {\n url {\n path /\n regex x\n regex_stack 10\n }\n}")
                .only(Severity.ERROR, 10, "regex_stack", "start and max");
        Checkers.one("HTTP_GET {\n url {\n path /\n regex_no_match\n }\n}");
    }

    @Test
    void tlsCompliantIsUnknownIn227() {
        // keepalived 2.2.7: "Unknown keyword 'tls_compliant'"
        Checkers.read("SSL_GET {\n tls_compliant\n url {\n path /\n }\n}")
                .only(Severity.WARNING, 7, "tls_compliant", "unknown");
    }
}
