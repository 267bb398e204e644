package org.jkeepalived.core.config.lvs.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import org.jkeepalived.core.config.Arguments;
import org.jkeepalived.core.config.ConfigNode;
import org.jkeepalived.core.config.Diagnostics;
import org.jkeepalived.core.config.KeywordTable;
import org.jkeepalived.core.config.lvs.LvsArguments;
import org.jkeepalived.core.config.lvs.check.CommonBuilder.KindDefaults;
import org.jkeepalived.core.config.lvs.check.HttpGetCheck.HttpProtocol;
import org.jkeepalived.core.config.lvs.check.HttpUrl.StatusRange;

/** Reads an {@code HTTP_GET} or {@code SSL_GET} block and its {@code url} sub-blocks. */
final class HttpCheckReader {
    private static final Pattern STATUS = Pattern.compile("(\\d{1,3})(?:-(\\d{1,3}))?");
    private static final Pattern DIGEST = Pattern.compile("[0-9a-fA-F]{32}");

    static final class Http implements CommonKeywords.HasCommon {
        final CommonBuilder common = new CommonBuilder();
        HttpProtocol protocol = HttpProtocol.HTTP_1_0;
        boolean fastRecovery;
        boolean enableSni;
        Optional<String> virtualhost = Optional.empty();
        final List<HttpUrl> urls = new ArrayList<>();

        @Override
        public CommonBuilder common() {
            return common;
        }
    }

    static final class Url {
        Optional<String> path = Optional.empty();
        final List<String> digests = new ArrayList<>();
        final List<StatusRange> status = new ArrayList<>();
        Optional<String> virtualhost = Optional.empty();
        Optional<String> regex = Optional.empty();
        boolean noMatch;
        List<String> options = List.of();
        List<Long> stack = List.of();
        OptionalLong minOffset = OptionalLong.empty();
        OptionalLong maxOffset = OptionalLong.empty();
        ConfigNode regexParamNode;
        ConfigNode minOffsetNode;
    }

    private static final KeywordTable<Url> URL = new KeywordTable<Url>("url")
            .on("path", (u, n, d) -> Arguments.string(n, 0, "url path", d).ifPresent(p -> u.path = Optional.of(p)))
            .on("digest", HttpCheckReader::digest)
            .on("status_code", HttpCheckReader::statusCode)
            .on("virtualhost", (u, n, d) -> Arguments.string(n, 0, "virtualhost name", d)
                    .ifPresent(v -> u.virtualhost = Optional.of(v)))
            .on("regex", (u, n, d) -> Arguments.string(n, 0, "regular expression", d)
                    .ifPresent(r -> u.regex = Optional.of(r)))
            // keepalived 2.2.7 accepts regex_no_match without a regex silently.
            .on("regex_no_match", (u, n, d) -> u.noMatch = true)
            .on("regex_options", (u, n, d) -> {
                u.options = n.args();
                u.regexParamNode = n;
            })
            .on("regex_stack", (u, n, d) -> {
                u.regexParamNode = n;
                if (n.args().size() != 2) {
                    d.error(n, "regex_stack requires start and max values");
                    return;
                }
                OptionalLong start = LvsArguments.number(n, 0, 0, LvsArguments.UINT_MAX, d);
                OptionalLong max = LvsArguments.number(n, 1, 0, LvsArguments.UINT_MAX, d);
                if (start.isPresent() && max.isPresent()) {
                    if (start.getAsLong() > max.getAsLong()) {
                        d.error(n, "regex_stack start " + start.getAsLong() + " exceeds max " + max.getAsLong()
                                + "; ignored");
                    } else {
                        u.stack = List.of(start.getAsLong(), max.getAsLong());
                    }
                }
            })
            .on("regex_min_offset", (u, n, d) -> {
                u.regexParamNode = n;
                u.minOffsetNode = n;
                LvsArguments.number(n, 0, 0, Long.MAX_VALUE, d).ifPresent(v -> u.minOffset = OptionalLong.of(v));
            })
            .on("regex_max_offset", (u, n, d) -> {
                u.regexParamNode = n;
                LvsArguments.number(n, 0, 1, Long.MAX_VALUE, d).ifPresent(v -> u.maxOffset = OptionalLong.of(v));
            });

    private static final KeywordTable<Http> HTTP = table("HTTP_GET");
    private static final KeywordTable<Http> SSL = table("SSL_GET");

    private HttpCheckReader() {
    }

    private static KeywordTable<Http> table(String name) {
        return CommonKeywords.install(new KeywordTable<Http>(name), true)
                .on("nb_get_retry", (b, n, d) -> {
                    d.warning(n, "nb_get_retry is deprecated, use retry (value used)");
                    LvsArguments.retry(n, d).ifPresent(v -> b.common.retry = OptionalLong.of(v));
                })
                .on("http_protocol", HttpCheckReader::httpProtocol)
                .on("enable_sni", (b, n, d) -> Arguments.bool(n, d).ifPresent(v -> b.enableSni = v))
                .on("fast_recovery", (b, n, d) -> Arguments.bool(n, d).ifPresent(v -> b.fastRecovery = v))
                .on("virtualhost", (b, n, d) -> Arguments.string(n, 0, "virtualhost name", d)
                        .ifPresent(v -> b.virtualhost = Optional.of(v)))
                .on("url", HttpCheckReader::url);
    }

    static Optional<CheckerDraft> read(ConfigNode block, CheckerContext ctx, Diagnostics d) {
        boolean ssl = block.keyword().equals("SSL_GET");
        Http b = new Http();
        (ssl ? SSL : HTTP).apply(b, block.children(), d);
        if (b.urls.isEmpty()) {
            d.error(block.location(), block.keyword(), "no url given; checker skipped");
            return Optional.empty();
        }
        if (!CheckerReader.connection(block, b.common, ctx, d)) {
            return Optional.empty();
        }
        return Optional.of((inh, vh) -> new HttpGetCheck(ssl, b.common.resolve(inh, KindDefaults.HTTP), b.protocol,
                b.fastRecovery, b.enableSni, b.virtualhost.or(() -> vh), b.urls, block.location()));
    }

    private static void httpProtocol(Http b, ConfigNode n, Diagnostics d) {
        String v = n.arg(0);
        if (v == null) {
            d.error(n, "missing http_protocol version (expected 1.0, 1.0C or 1.1)");
            return;
        }
        switch (v) {
            case "1.0" -> b.protocol = HttpProtocol.HTTP_1_0;
            case "1.0C", "1.0c" -> b.protocol = HttpProtocol.HTTP_1_0C;
            case "1.1" -> b.protocol = HttpProtocol.HTTP_1_1;
            default -> d.error(n, "invalid http_protocol version " + v + " (expected 1.0, 1.0C or 1.1)");
        }
    }

    private static void url(Http b, ConfigNode n, Diagnostics d) {
        Url u = new Url();
        URL.apply(u, n.children(), d);
        if (u.path.isEmpty()) {
            d.error(n, "url has no path; url skipped");
            return;
        }
        if (u.regex.isEmpty() && u.regexParamNode != null) {
            d.error(u.regexParamNode, "regex parameters given without regex; ignored");
        }
        if (u.minOffset.isPresent() && u.maxOffset.isPresent() && u.minOffset.getAsLong() > u.maxOffset.getAsLong()) {
            d.error(u.minOffsetNode, "regex_min_offset " + u.minOffset.getAsLong() + " > regex_max_offset "
                    + u.maxOffset.getAsLong() + "; ignored");
            u.minOffset = OptionalLong.empty();
        }
        List<StatusRange> codes = u.status.isEmpty() ? List.of(StatusRange.DEFAULT) : u.status;
        b.urls.add(new HttpUrl(u.path.get(), u.digests, codes, u.virtualhost, u.regex, u.noMatch, u.options, u.stack,
                u.minOffset, u.maxOffset, n.location()));
    }

    private static void digest(Url u, ConfigNode n, Diagnostics d) {
        Arguments.string(n, 0, "MD5 digest", d).ifPresent(v -> {
            if (!DIGEST.matcher(v).matches()) {
                d.error(n, "digest '" + v + "' must be 32 hex digits (has " + v.length() + " characters); ignored");
            } else if (u.digests.contains(v.toLowerCase(Locale.ROOT))) {
                d.error(n, "digest '" + v + "' is a duplicate");
            } else {
                u.digests.add(v.toLowerCase(Locale.ROOT));
            }
        });
    }

    private static void statusCode(Url u, ConfigNode n, Diagnostics d) {
        if (n.args().isEmpty()) {
            d.error(n, "missing status code");
        }
        for (String a : n.args()) {
            var m = STATUS.matcher(a);
            boolean ok = m.matches();
            int from = ok ? Integer.parseInt(m.group(1)) : 0;
            int to = ok && m.group(2) != null ? Integer.parseInt(m.group(2)) : from;
            if (!ok || from < 100 || to > 599 || to < from) {
                d.error(n, "invalid HTTP status code '" + a + "' (expected a code or range within 100-599); ignored");
            } else {
                u.status.add(new StatusRange(from, to));
            }
        }
    }
}
