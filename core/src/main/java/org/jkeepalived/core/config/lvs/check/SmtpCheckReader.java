package org.jkeepalived.core.config.lvs.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jkeepalived.core.config.ConfigNode;
import org.jkeepalived.core.config.Diagnostics;
import org.jkeepalived.core.config.KeywordTable;
import org.jkeepalived.core.config.lvs.check.CommonBuilder.KindDefaults;

/** Reads an {@code SMTP_CHECK} block with its deprecated {@code host} sub-blocks. */
final class SmtpCheckReader {
    static final class Smtp implements CommonKeywords.HasCommon {
        final CommonBuilder common = new CommonBuilder();
        String helo = SmtpCheck.DEFAULT_HELO_NAME;
        final List<CommonBuilder> hosts = new ArrayList<>();
        final List<ConfigNode> hostNodes = new ArrayList<>();

        @Override
        public CommonBuilder common() {
            return common;
        }
    }

    /** One {@code host { … }}: keepalived 2.2.7 accepts all the common keywords there. */
    static final class Host implements CommonKeywords.HasCommon {
        final CommonBuilder common = new CommonBuilder();

        @Override
        public CommonBuilder common() {
            return common;
        }
    }

    private static final KeywordTable<Host> HOST = CommonKeywords.install(new KeywordTable<>("host"), true);

    private static final KeywordTable<Smtp> TABLE = CommonKeywords.install(new KeywordTable<Smtp>("SMTP_CHECK"), true)
            .on("helo_name", (b, n, d) -> {
                if (n.args().isEmpty()) {
                    d.error(n, "SMTP_CHECK helo name missing");
                } else {
                    b.helo = n.arg(0);
                }
            })
            .on("host", (b, n, d) -> {
                Host h = new Host();
                HOST.apply(h, n.children(), d);
                b.hosts.add(h.common);
                b.hostNodes.add(n);
            });

    private SmtpCheckReader() {
    }

    static Optional<CheckerDraft> read(ConfigNode block, CheckerContext ctx, Diagnostics d) {
        Smtp b = new Smtp();
        TABLE.apply(b, block.children(), d);
        if (!CheckerReader.connection(block, b.common, ctx, d)) {
            return Optional.empty();
        }
        List<CommonBuilder> hosts = new ArrayList<>();
        for (int i = 0; i < b.hosts.size(); i++) {
            CommonBuilder merged = withConnection(b.common, b.hosts.get(i));
            if (CheckerReader.connection(b.hostNodes.get(i), merged, ctx, d)) {
                hosts.add(merged);
            }
        }
        return Optional.of((inh, vh) -> {
            List<CheckerCommon> resolvedHosts = hosts.stream().map(h -> h.resolve(inh, KindDefaults.STANDARD)).toList();
            return new SmtpCheck(b.common.resolve(inh, KindDefaults.STANDARD), b.helo, resolvedHosts,
                    block.location());
        });
    }

    /** The checker's settings with those written in a host block laid over them. */
    private static CommonBuilder withConnection(CommonBuilder checker, CommonBuilder host) {
        CommonBuilder c = checker.copy();
        c.connectIp = host.connectIp.or(() -> checker.connectIp);
        c.connectPort = host.connectPort.isPresent() ? host.connectPort : checker.connectPort;
        c.bindTo = host.bindTo.or(() -> checker.bindTo);
        c.bindPort = host.bindPort.isPresent() ? host.bindPort : checker.bindPort;
        c.bindIf = host.bindIf.or(() -> checker.bindIf);
        c.fwmark = host.fwmark.isPresent() ? host.fwmark : checker.fwmark;
        c.connectTimeout = host.connectTimeout.or(() -> checker.connectTimeout);
        c.retry = host.retry.isPresent() ? host.retry : checker.retry;
        c.delayBeforeRetry = host.delayBeforeRetry.or(() -> checker.delayBeforeRetry);
        c.warmup = host.warmup.or(() -> checker.warmup);
        c.delayLoop = host.delayLoop.or(() -> checker.delayLoop);
        c.alpha = host.alpha.or(() -> checker.alpha);
        c.logAllFailures = host.logAllFailures || checker.logAllFailures;
        return c;
    }
}
