package org.jkeepalived.core.config.lvs;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.jkeepalived.core.config.Arguments;
import org.jkeepalived.core.config.ConfigNode;
import org.jkeepalived.core.config.Diagnostics;
import org.jkeepalived.core.config.KeywordTable;
import org.jkeepalived.core.config.ScriptCommand;
import org.jkeepalived.core.config.lvs.check.CheckerContext;
import org.jkeepalived.core.config.lvs.check.CheckerDraft;
import org.jkeepalived.core.config.lvs.check.CheckerReader;

/**
 * Reads a {@code real_server IP [PORT] { … }} block into a {@link Draft}; the settings it inherits from the virtual
 * server are applied by {@link Draft#build}, once the whole virtual server is read.
 */
final class RealServerReader {
    /** A real server as read, before inheritance. */
    static final class Draft {
        final ConfigNode node;
        final InetAddress address;
        int port;
        int weight = RealServer.DEFAULT_WEIGHT;
        Optional<Forwarding> forwarding = Optional.empty();
        Optional<ScriptCommand> notifyUp = Optional.empty();
        Optional<ScriptCommand> notifyDown = Optional.empty();
        long uThreshold;
        long lThreshold;
        Optional<Boolean> smtpAlert = Optional.empty();
        Optional<String> virtualhost = Optional.empty();
        Optional<String> snmpName = Optional.empty();
        Optional<Boolean> inhibitOnFailure = Optional.empty();
        Optional<Duration> connectTimeout = Optional.empty();
        OptionalLong retry = OptionalLong.empty();
        Optional<Duration> delayBeforeRetry = Optional.empty();
        Optional<Duration> warmup = Optional.empty();
        Optional<Duration> delayLoop = Optional.empty();
        Optional<Boolean> alpha = Optional.empty();
        final List<CheckerDraft> checkers = new ArrayList<>();
        CheckerContext ctx;

        Draft(ConfigNode node, InetAddress address, int port) {
            this.node = node;
            this.address = address;
            this.port = port;
        }

        CheckDefaults checkDefaults() {
            return new CheckDefaults(connectTimeout, retry, delayBeforeRetry, warmup, delayLoop, alpha);
        }

        /** The forwarding method in effect: this server's, else the virtual server's. */
        Forwarding forwarding(Forwarding vs) {
            return forwarding.orElse(vs);
        }

        RealServer build(Forwarding vsForwarding, CheckDefaults vs, Optional<String> vsVirtualhost, boolean vsInhibit) {
            CheckDefaults own = checkDefaults();
            CheckDefaults inherited = own.orElse(vs);
            Optional<String> vh = virtualhost.or(() -> vsVirtualhost);
            List<org.jkeepalived.core.config.lvs.check.Checker> built = checkers.stream()
                    .map(c -> c.resolve(inherited, vh)).toList();
            return new RealServer(address, port, weight, forwarding(vsForwarding), notifyUp, notifyDown, uThreshold,
                    lThreshold, smtpAlert, vh, snmpName, inhibitOnFailure.orElse(vsInhibit), own, built,
                    node.location());
        }
    }

    private static final KeywordTable<Draft> TABLE = new KeywordTable<Draft>("real_server")
            .on("weight", (b, n, d) -> LvsArguments.number(n, 0, 0, Integer.MAX_VALUE, d)
                    .ifPresent(w -> b.weight = (int) w))
            .on("lvs_method", (b, n, d) -> ForwardingParser.parse(n, "real", d)
                    .ifPresent(f -> b.forwarding = Optional.of(f)))
            .alias("lb_kind", "lvs_method")
            .on("notify_up", (b, n, d) -> {
                if (b.notifyUp.isPresent()) {
                    d.warning(n, "notify_up script already specified; this one is ignored");
                } else {
                    b.notifyUp = LvsArguments.script(n, d);
                }
            })
            .on("notify_down", (b, n, d) -> {
                if (b.notifyDown.isPresent()) {
                    d.warning(n, "notify_down script already specified; this one is ignored");
                } else {
                    b.notifyDown = LvsArguments.script(n, d);
                }
            })
            .on("uthreshold", (b, n, d) -> LvsArguments.number(n, 0, 0, LvsArguments.UINT_MAX, d)
                    .ifPresent(v -> b.uThreshold = v))
            .on("lthreshold", (b, n, d) -> LvsArguments.number(n, 0, 0, LvsArguments.UINT_MAX, d)
                    .ifPresent(v -> b.lThreshold = v))
            .on("smtp_alert", (b, n, d) -> Arguments.bool(n, d).ifPresent(v -> b.smtpAlert = Optional.of(v)))
            .on("virtualhost", (b, n, d) -> Arguments.string(n, 0, "virtualhost name", d)
                    .ifPresent(v -> b.virtualhost = Optional.of(v)))
            .on("snmp_name", (b, n, d) -> snmpName(n, d).ifPresent(v -> b.snmpName = Optional.of(v)))
            .on("alpha", (b, n, d) -> Arguments.bool(n, d).ifPresent(v -> b.alpha = Optional.of(v)))
            .on("inhibit_on_failure", (b, n, d) -> Arguments.bool(n, d)
                    .ifPresent(v -> b.inhibitOnFailure = Optional.of(v)))
            .on("connect_timeout", (b, n, d) -> LvsArguments.connectTimeout(n, d)
                    .ifPresent(v -> b.connectTimeout = Optional.of(v)))
            // Unlike a checker's, a real server's retry must be at least 1 (keepalived: "retry value invalid - 0").
            .on("retry", (b, n, d) -> LvsArguments.number(n, 0, 1, LvsArguments.UINT_MAX, d)
                    .ifPresent(v -> b.retry = OptionalLong.of(v)))
            .on("delay_before_retry", (b, n, d) -> LvsArguments.timer(n, Duration.ZERO, d)
                    .ifPresent(v -> b.delayBeforeRetry = Optional.of(v)))
            .on("warmup", (b, n, d) -> LvsArguments.timer(n, Duration.ZERO, d)
                    .ifPresent(v -> b.warmup = Optional.of(v)))
            .on("delay_loop", (b, n, d) -> LvsArguments.timer(n, LvsArguments.MIN_TIMER, d)
                    .ifPresent(v -> b.delayLoop = Optional.of(v)));

    static {
        for (String kind : CheckerReader.KINDS) {
            TABLE.on(kind, (b, n, d) -> CheckerReader.read(n, b.ctx, d).ifPresent(b.checkers::add));
        }
    }

    private RealServerReader() {
    }

    /** Reads a real server line and block; empty (with an error) when the address or port is bad. */
    static Optional<Draft> read(ConfigNode n, CheckerContext ctx, Diagnostics d) {
        Optional<InetAddress> a = Arguments.parseAddress(n.arg(0));
        // keepalived takes an explicit port 0 as no port, although its range message says 1..65535.
        int port = n.arg(1) == null || n.arg(1).equals("0") ? 0 : LvsArguments.parsePort(n.arg(1));
        if (a.isEmpty() || port < 0) {
            d.error(n, "invalid real server address/port " + n.joinedArgs() + "; real server skipped");
            return Optional.empty();
        }
        Draft b = new Draft(n, a.get(), port);
        b.ctx = ctx;
        TABLE.apply(b, n.children(), d);
        return Optional.of(b);
    }

    /** {@code snmp_name NAME}: exactly one word. */
    static Optional<String> snmpName(ConfigNode n, Diagnostics d) {
        if (n.args().size() != 1) {
            d.error(n, "snmp_name needs exactly one word; ignored");
            return Optional.empty();
        }
        return Optional.of(n.arg(0));
    }
}
