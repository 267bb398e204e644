package org.jkeepalived.core.config.lvs;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.jkeepalived.core.config.Arguments;
import org.jkeepalived.core.config.ConfigNode;
import org.jkeepalived.core.config.Diagnostics;
import org.jkeepalived.core.config.KeywordTable;
import org.jkeepalived.core.config.lvs.Forwarding.Method;
import org.jkeepalived.core.config.lvs.VirtualServerReader.Draft;

/** The keyword handlers of a {@code virtual_server} block. */
final class VirtualServerKeywords {
    private VirtualServerKeywords() {
    }

    static void install(KeywordTable<Draft> t) {
        t.on("ip_family", VirtualServerKeywords::ipFamily);
        t.on("delay_loop", (b, n, d) -> LvsArguments.timer(n, LvsArguments.MIN_TIMER, d)
                .ifPresent(v -> b.delayLoop = Optional.of(v)));
        t.on("delay_before_retry", (b, n, d) -> LvsArguments.timer(n, Duration.ZERO, d)
                .ifPresent(v -> b.delayBeforeRetry = Optional.of(v)));
        t.on("warmup", (b, n, d) -> LvsArguments.timer(n, Duration.ZERO, d).ifPresent(v -> b.warmup = Optional.of(v)));
        t.on("connect_timeout", (b, n, d) -> LvsArguments.connectTimeout(n, d)
                .ifPresent(v -> b.connectTimeout = Optional.of(v)));
        t.on("retry", (b, n, d) -> LvsArguments.number(n, 0, 1, LvsArguments.UINT_MAX, d)
                .ifPresent(v -> b.retry = OptionalLong.of(v)));
        t.on("inhibit_on_failure", (b, n, d) -> Arguments.bool(n, d).ifPresent(v -> b.inhibitOnFailure = v));
        t.on("lvs_sched", VirtualServerKeywords::scheduler);
        t.alias("lb_algo", "lvs_sched");
        for (SchedulerFlag f : SchedulerFlag.values()) {
            t.on(f.keyword(), (b, n, d) -> flag(b, n, f, d));
        }
        t.on("lvs_method", (b, n, d) -> ForwardingParser.parse(n, "virtual", d)
                .ifPresent(f -> b.forwarding = Optional.of(f)));
        t.alias("lb_kind", "lvs_method");
        t.on("persistence_engine", (b, n, d) -> Arguments.string(n, 0, "persistence engine name", d)
                .ifPresent(v -> b.persistenceEngine = Optional.of(v)));
        t.on("persistence_timeout", VirtualServerKeywords::persistenceTimeout);
        t.on("persistence_granularity", VirtualServerKeywords::persistenceGranularity);
        t.on("protocol", VirtualServerKeywords::protocol);
        t.on("ha_suspend", (b, n) -> b.haSuspend = true);
        t.on("smtp_alert", (b, n, d) -> Arguments.bool(n, d).ifPresent(v -> b.smtpAlert = Optional.of(v)));
        t.on("virtualhost", (b, n, d) -> Arguments.string(n, 0, "virtualhost name", d)
                .ifPresent(v -> b.virtualhost = Optional.of(v)));
        t.on("snmp_name", (b, n, d) -> RealServerReader.snmpName(n, d).ifPresent(v -> b.snmpName = Optional.of(v)));
        t.on("alpha", (b, n, d) -> Arguments.bool(n, d).ifPresent(v -> b.alpha = Optional.of(v)));
        t.on("omega", (b, n, d) -> Arguments.bool(n, d).ifPresent(v -> b.omega = v));
        t.on("quorum", VirtualServerKeywords::quorum);
        t.on("hysteresis", (b, n, d) -> LvsArguments.number(n, 0, 0, LvsArguments.UINT_MAX, d)
                .ifPresent(v -> b.hysteresis = v));
        t.on("quorum_up", (b, n, d) -> {
            if (b.quorumUp.isPresent()) {
                d.warning(n, "quorum_up script already specified; this one is ignored");
            } else {
                b.quorumUp = LvsArguments.script(n, d);
            }
        });
        t.on("quorum_down", (b, n, d) -> {
            if (b.quorumDown.isPresent()) {
                d.warning(n, "quorum_down script already specified; this one is ignored");
            } else {
                b.quorumDown = LvsArguments.script(n, d);
            }
        });
        t.on("weight", (b, n, d) -> LvsArguments.number(n, 0, 1, Integer.MAX_VALUE, d)
                .ifPresent(v -> b.weight = OptionalInt.of((int) v)));
        t.on("sorry_server", VirtualServerKeywords::sorryServer);
        t.on("sorry_server_inhibit", (b, n, d) -> {
            if (b.sorryNode == null) {
                d.error(n, "sorry_server_inhibit used before or without sorry_server; ignored");
            } else {
                b.sorryInhibit = true;
            }
        });
        t.on("sorry_server_lvs_method", (b, n, d) -> {
            if (b.sorryNode == null) {
                d.error(n, "sorry_server_lvs_method used before or without sorry_server; ignored");
            } else {
                ForwardingParser.parse(n, "sorry", d).ifPresent(f -> b.sorryForwarding = Optional.of(f));
            }
        });
        t.on("real_server", VirtualServerKeywords::realServer);
    }

    private static void ipFamily(Draft b, ConfigNode n, Diagnostics d) {
        String v = n.arg(0);
        IpFamily f;
        if ("inet".equals(v)) {
            f = IpFamily.INET;
        } else if ("inet6".equals(v)) {
            f = IpFamily.INET6;
        } else {
            d.error(n, "unknown address family " + v + " (expected inet or inet6); ignored");
            return;
        }
        if (b.family.isPresent() && b.family.get() != f) {
            d.error(n, "ip_family " + v + " conflicts with the family of the virtual server's addresses; ignored");
            return;
        }
        b.family = Optional.of(f);
    }

    private static void scheduler(Draft b, ConfigNode n, Diagnostics d) {
        Arguments.string(n, 0, "scheduler", d).ifPresent(s -> {
            if (VirtualServerReader.SCHEDULERS.contains(s)) {
                b.scheduler = Optional.of(s);
            } else {
                d.error(n, "invalid lvs_scheduler '" + s + "' (expected one of rr wrr lc wlc lblc sh mh dh fo ovf"
                        + " lblcr sed nq twos); ignored");
            }
        });
    }

    /** keepalived checks sh-/mh- flags against the scheduler already read, so order matters, as there. */
    private static void flag(Draft b, ConfigNode n, SchedulerFlag f, Diagnostics d) {
        String sched = b.scheduler.orElse("");
        boolean ok = switch (f) {
            case OPS, FLAG_1, FLAG_2, FLAG_3 -> true;
            case SH_PORT, SH_FALLBACK, HASHED -> sched.equals("sh");
            case MH_PORT, MH_FALLBACK -> sched.equals("mh");
        };
        if (!ok) {
            String needs = f == SchedulerFlag.MH_PORT || f == SchedulerFlag.MH_FALLBACK ? "mh" : "sh";
            d.warning(n, f.keyword() + " only applies to the " + needs + " scheduler"
                    + " (which must be set before it); ignored");
            return;
        }
        if (f == SchedulerFlag.OPS) {
            b.opsNode = n;
        }
        b.flags.add(f);
    }

    private static void persistenceTimeout(Draft b, ConfigNode n, Diagnostics d) {
        if (n.args().isEmpty()) {
            b.persistenceTimeout = Optional.of(VirtualServer.DEFAULT_PERSISTENCE_TIMEOUT);
            return;
        }
        LvsArguments.number(n, 0, 1, LvsArguments.UINT_MAX, d)
                .ifPresent(v -> b.persistenceTimeout = Optional.of(Duration.ofSeconds(v)));
    }

    private static void persistenceGranularity(Draft b, ConfigNode n, Diagnostics d) {
        String v = n.arg(0);
        if (v == null) {
            d.error(n, "missing netmask or prefix length");
            return;
        }
        IpFamily f = b.family.orElse(v.indexOf('.') >= 0 ? IpFamily.INET : IpFamily.INET6);
        int prefix;
        if (f == IpFamily.INET6) {
            prefix = LvsArguments.parsePort(v);
            if (prefix < 1 || prefix > 128) {
                d.error(n, "invalid IPv6 persistence_granularity " + v + " (expected a prefix length 1..128); ignored");
                return;
            }
        } else {
            Optional<InetAddress> mask = Arguments.parseAddress(v);
            if (mask.isEmpty() || !(mask.get() instanceof Inet4Address)) {
                d.error(n, "invalid IPv4 persistence_granularity " + v + " (expected a netmask); ignored");
                return;
            }
            byte[] m = mask.get().getAddress();
            int bits = ((m[0] & 0xff) << 24) | ((m[1] & 0xff) << 16) | ((m[2] & 0xff) << 8) | (m[3] & 0xff);
            prefix = Integer.bitCount(bits);
            if (bits != 0 && Integer.numberOfTrailingZeros(bits) != 32 - prefix || bits == 0) {
                d.error(n, "IPv4 persistence_granularity netmask " + v + " is not contiguous; ignored");
                return;
            }
        }
        b.persistenceGranularity = OptionalInt.of(prefix);
        if (b.family.isEmpty()) {
            b.family = Optional.of(f);
        }
        if (b.persistenceTimeout.isEmpty()) {
            b.persistenceTimeout = Optional.of(VirtualServer.DEFAULT_PERSISTENCE_TIMEOUT);
        }
    }

    private static void protocol(Draft b, ConfigNode n, Diagnostics d) {
        Arguments.string(n, 0, "protocol", d).ifPresent(p -> {
            try {
                b.protocol = Optional.of(Protocol.valueOf(p.toUpperCase(Locale.ROOT)));
                b.protocolNode = n;
            } catch (IllegalArgumentException e) {
                d.error(n, "unknown protocol " + p + " (expected TCP, UDP or SCTP); ignored");
            }
        });
    }

    private static void quorum(Draft b, ConfigNode n, Diagnostics d) {
        String v = n.arg(0);
        long q = -1;
        try {
            q = v == null ? -1 : Long.parseLong(v);
        } catch (NumberFormatException e) {
            q = -1;
        }
        if (q < 1 || q > LvsArguments.UINT_MAX) {
            d.warning(n, "quorum " + v + " must be in 1.." + LvsArguments.UINT_MAX + "; using 1");
            q = 1;
        }
        b.quorum = q;
    }

    private static void sorryServer(Draft b, ConfigNode n, Diagnostics d) {
        Optional<InetAddress> a = Arguments.parseAddress(n.arg(0));
        int port = n.arg(1) == null ? 0 : LvsArguments.parsePort(n.arg(1));
        if (a.isEmpty() || port < 0) {
            d.error(n, "invalid sorry server address/port " + n.joinedArgs() + "; sorry server skipped");
            return;
        }
        b.sorryNode = n;
        b.sorryAddress = a.get();
        b.sorryPort = port;
    }

    private static void realServer(Draft b, ConfigNode n, Diagnostics d) {
        RealServerReader.read(n, b.ctx, d).ifPresent(rs -> {
            boolean tunnelled = rs.forwarding.orElse(b.forwarding.orElse(Forwarding.NAT)).method() == Method.TUN;
            IpFamily f = IpFamily.of(rs.address);
            if (!tunnelled && b.family.isPresent() && b.family.get() != f) {
                d.error(n, "address family of real server " + LvsArguments.text(rs.address)
                        + " does not match the virtual server's; real server skipped");
                return;
            }
            if (!tunnelled && b.family.isEmpty()) {
                b.family = Optional.of(f);
            }
            b.realServers.add(rs);
        });
    }
}
