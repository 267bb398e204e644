package org.jkeepalived.core.config.lvs;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import org.jkeepalived.core.config.Arguments;
import org.jkeepalived.core.config.ConfigNode;
import org.jkeepalived.core.config.Diagnostics;
import org.jkeepalived.core.config.KeywordTable;
import org.jkeepalived.core.config.ScriptCommand;
import org.jkeepalived.core.config.lvs.check.CheckerContext;

/** Reads a {@code virtual_server} block; the checks keepalived makes once the block is read are in {@link VirtualServerChecks}. */
final class VirtualServerReader {
    /** The schedulers keepalived 2.2.7 accepts for {@code lvs_sched}. */
    static final Set<String> SCHEDULERS = Set.of("rr", "wrr", "lc", "wlc", "lblc", "sh", "mh", "dh", "fo", "ovf",
            "lblcr", "sed", "nq", "twos");

    /** A virtual server while its block is read. */
    static final class Draft {
        final ConfigNode node;
        final VirtualServerTarget target;
        /** The group a {@code virtual_server group NAME} names, when it is defined. */
        Optional<VirtualServerGroup> group = Optional.empty();
        Optional<Protocol> protocol = Optional.empty();
        ConfigNode protocolNode;
        Optional<String> scheduler = Optional.empty();
        final Set<SchedulerFlag> flags = EnumSet.noneOf(SchedulerFlag.class);
        ConfigNode opsNode;
        Optional<Forwarding> forwarding = Optional.empty();
        Optional<Duration> persistenceTimeout = Optional.empty();
        OptionalInt persistenceGranularity = OptionalInt.empty();
        Optional<String> persistenceEngine = Optional.empty();
        Optional<IpFamily> family = Optional.empty();
        boolean haSuspend;
        Optional<Boolean> smtpAlert = Optional.empty();
        Optional<String> virtualhost = Optional.empty();
        Optional<String> snmpName = Optional.empty();
        boolean omega;
        long quorum = 1;
        long hysteresis;
        Optional<ScriptCommand> quorumUp = Optional.empty();
        Optional<ScriptCommand> quorumDown = Optional.empty();
        boolean inhibitOnFailure;
        OptionalInt weight = OptionalInt.empty();
        Optional<Duration> connectTimeout = Optional.empty();
        OptionalLong retry = OptionalLong.empty();
        Optional<Duration> delayBeforeRetry = Optional.empty();
        Optional<Duration> warmup = Optional.empty();
        Optional<Duration> delayLoop = Optional.empty();
        Optional<Boolean> alpha = Optional.empty();
        ConfigNode sorryNode;
        InetAddress sorryAddress;
        int sorryPort;
        boolean sorryInhibit;
        Optional<Forwarding> sorryForwarding = Optional.empty();
        final List<RealServerReader.Draft> realServers = new ArrayList<>();
        CheckerContext ctx;

        Draft(ConfigNode node, VirtualServerTarget target) {
            this.node = node;
            this.target = target;
            if (target instanceof VirtualServerTarget.Address a) {
                family = Optional.of(IpFamily.of(a.address()));
            }
        }

        CheckDefaults checkDefaults() {
            return new CheckDefaults(connectTimeout, retry, delayBeforeRetry, warmup, delayLoop, alpha);
        }
    }

    private static final KeywordTable<Draft> TABLE = new KeywordTable<>("virtual_server");

    static {
        VirtualServerKeywords.install(TABLE);
    }

    private VirtualServerReader() {
    }

    /** Reads the block; empty (with an error) when keepalived would skip the whole virtual server. */
    static Optional<VirtualServer> read(ConfigNode n, CheckerContext ctx, Map<String, VirtualServerGroup> groups,
                                        Diagnostics d) {
        Optional<VirtualServerTarget> target = target(n, d);
        if (target.isEmpty()) {
            return Optional.empty();
        }
        Draft b = new Draft(n, target.get());
        b.ctx = ctx;
        if (target.get() instanceof VirtualServerTarget.Group g) {
            b.group = Optional.ofNullable(groups.get(g.name()));
        }
        TABLE.apply(b, n.children(), d);
        return VirtualServerChecks.finish(b, d);
    }

    private static Optional<VirtualServerTarget> target(ConfigNode n, Diagnostics d) {
        String first = n.arg(0);
        if (first == null) {
            d.error(n, "missing address, fwmark or group; virtual server skipped");
            return Optional.empty();
        }
        if (first.equals("fwmark")) {
            OptionalLong mark = LvsArguments.number(n, 1, 0, LvsArguments.UINT_MAX, d);
            return mark.isPresent() ? Optional.of(new VirtualServerTarget.Fwmark(mark.getAsLong())) : Optional.empty();
        }
        if (first.equals("group")) {
            return Arguments.string(n, 1, "virtual_server_group name", d).map(VirtualServerTarget.Group::new);
        }
        Optional<InetAddress> a = Arguments.parseAddress(first);
        int port = 0;
        if (n.arg(1) != null) {
            port = n.arg(1).equals("0") ? 0 : LvsArguments.parsePort(n.arg(1));
        }
        if (a.isEmpty() || port < 0) {
            d.error(n, "invalid virtual server address/port " + n.joinedArgs() + "; virtual server skipped");
            return Optional.empty();
        }
        return Optional.of(new VirtualServerTarget.Address(a.get(), port));
    }
}
