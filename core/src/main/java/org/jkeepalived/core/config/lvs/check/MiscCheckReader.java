package org.jkeepalived.core.config.lvs.check;

import java.time.Duration;
import java.util.Optional;
import org.jkeepalived.core.config.Arguments;
import org.jkeepalived.core.config.ConfigNode;
import org.jkeepalived.core.config.Diagnostics;
import org.jkeepalived.core.config.KeywordTable;
import org.jkeepalived.core.config.lvs.LvsArguments;
import org.jkeepalived.core.config.ScriptCommand;
import org.jkeepalived.core.config.SourceLocation;
import org.jkeepalived.core.config.lvs.check.CommonBuilder.KindDefaults;

/** Reads a {@code MISC_CHECK} block; it has only the timing keywords, no connection ones. */
final class MiscCheckReader {
    static final class Misc implements CommonKeywords.HasCommon {
        final CommonBuilder common = new CommonBuilder();
        Optional<String> path = Optional.empty();
        SourceLocation pathAt;
        Optional<Duration> timeout = Optional.empty();
        boolean dynamic;
        Optional<String> user = Optional.empty();
        Optional<String> group = Optional.empty();

        @Override
        public CommonBuilder common() {
            return common;
        }
    }

    private static final KeywordTable<Misc> TABLE = CommonKeywords.install(new KeywordTable<Misc>("MISC_CHECK"), false)
            .on("misc_path", (b, n, d) -> {
                if (n.args().isEmpty()) {
                    d.error(n, "missing script path");
                } else {
                    // An unquoted command line is taken whole, as keepalived does.
                    b.path = Optional.of(n.joinedArgs());
                    b.pathAt = n.location();
                }
            })
            .on("misc_timeout", (b, n, d) -> LvsArguments.number(n, 0, 0, LvsArguments.UINT_MAX / 1_000_000, d)
                    // 0 means "use delay_loop", the same as not writing it.
                    .ifPresent(v -> b.timeout = v == 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(v))))
            .on("misc_dynamic", (b, n, d) -> Arguments.bool(n, d).ifPresent(v -> b.dynamic = v))
            .on("user", (b, n, d) -> Arguments.string(n, 0, "user name", d).ifPresent(u -> {
                b.user = Optional.of(u);
                b.group = Optional.ofNullable(n.arg(1));
            }));

    private MiscCheckReader() {
    }

    static Optional<CheckerDraft> read(ConfigNode block, Diagnostics d) {
        Misc b = new Misc();
        TABLE.apply(b, block.children(), d);
        if (b.path.isEmpty()) {
            d.error(block.location(), block.keyword(), "no misc_path given; checker skipped");
            return Optional.empty();
        }
        ScriptCommand script = new ScriptCommand(b.path.get(), b.user, b.group, b.pathAt);
        return Optional.of((inh, vh) -> new MiscCheck(b.common.resolve(inh, KindDefaults.MISC), script, b.timeout,
                b.dynamic, block.location()));
    }
}
