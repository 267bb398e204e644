package org.jkeepalived.core.config.lvs.check;

import java.net.InetAddress;
import java.util.Optional;
import org.jkeepalived.core.config.Arguments;
import org.jkeepalived.core.config.ConfigNode;
import org.jkeepalived.core.config.Diagnostics;
import org.jkeepalived.core.config.KeywordTable;
import org.jkeepalived.core.config.lvs.IpFamily;
import org.jkeepalived.core.config.lvs.LvsArguments;

/** The keywords every checker kind shares (keepalived's {@code install_checker_common_keywords}). */
final class CommonKeywords {
    /** A builder of one checker kind: the common part plus whatever the kind adds. */
    interface HasCommon {
        CommonBuilder common();
    }

    private CommonKeywords() {
    }

    /**
     * Registers the connection keywords ({@code connect_ip} … {@code fwmark}), which MISC_CHECK lacks, when
     * {@code connection} is set, and always the timing keywords ({@code retry} … {@code log_all_failures}).
     */
    static <B extends HasCommon> KeywordTable<B> install(KeywordTable<B> t, boolean connection) {
        if (connection) {
            installConnection(t);
        }
        t.on("retry", (b, n, d) -> {
            LvsArguments.retry(n, d).ifPresent(v -> b.common().retry = java.util.OptionalLong.of(v));
        });
        t.on("delay_before_retry", (b, n, d) -> LvsArguments.timer(n, java.time.Duration.ZERO, d)
                .ifPresent(v -> b.common().delayBeforeRetry = Optional.of(v)));
        t.on("warmup", (b, n, d) -> LvsArguments.timer(n, java.time.Duration.ZERO, d)
                .ifPresent(v -> b.common().warmup = Optional.of(v)));
        t.on("delay_loop", (b, n, d) -> LvsArguments.timer(n, LvsArguments.MIN_TIMER, d)
                .ifPresent(v -> b.common().delayLoop = Optional.of(v)));
        t.on("alpha", (b, n, d) -> Arguments.bool(n, d).ifPresent(v -> b.common().alpha = Optional.of(v)));
        t.on("log_all_failures", (b, n, d) -> Arguments.bool(n, d).ifPresent(v -> b.common().logAllFailures = v));
        return t;
    }

    /** The connection keywords ({@code connect_ip} … {@code fwmark}). */
    private static <B extends HasCommon> void installConnection(KeywordTable<B> t) {
        t.on("connect_ip", (b, n, d) -> address(n, d).ifPresent(a -> {
            CommonBuilder c = b.common();
            if (c.bindTo.isPresent() && IpFamily.of(c.bindTo.get()) != IpFamily.of(a)) {
                d.error(n, "connect_ip " + n.arg(0) + " does not match the address family of bindto; ignored");
            } else {
                c.connectIp = Optional.of(a);
            }
        }));
        t.on("connect_port", (b, n, d) -> LvsArguments.port(n, 0, d)
                .ifPresent(p -> b.common().connectPort = java.util.OptionalInt.of(p)));
        t.on("bindto", (b, n, d) -> address(n, d).ifPresent(a -> {
            CommonBuilder c = b.common();
            if (c.connectIp.isPresent() && IpFamily.of(c.connectIp.get()) != IpFamily.of(a)) {
                d.error(n, "bindto " + n.arg(0) + " does not match the address family of connect_ip; ignored");
            } else {
                c.bindTo = Optional.of(a);
            }
        }));
        t.on("bind_port", (b, n, d) -> LvsArguments.port(n, 0, d)
                .ifPresent(p -> b.common().bindPort = java.util.OptionalInt.of(p)));
        t.on("bind_if", (b, n, d) -> Arguments.string(n, 0, "interface name", d).ifPresent(name -> {
            // IFNAMSIZ is 16 including the terminating NUL.
            if (name.length() > 15) {
                d.error(n, "interface name " + name + " is longer than 15 characters; ignored");
            } else {
                b.common().bindIf = Optional.of(name);
            }
        }));
        t.on("connect_timeout", (b, n, d) -> LvsArguments.connectTimeout(n, d)
                .ifPresent(v -> b.common().connectTimeout = Optional.of(v)));
        t.on("fwmark", (b, n, d) -> LvsArguments.number(n, 0, 0, LvsArguments.UINT_MAX, d)
                .ifPresent(v -> b.common().fwmark = java.util.OptionalLong.of(v)));
    }

    private static Optional<InetAddress> address(ConfigNode n, Diagnostics d) {
        return Arguments.address(n, 0, d);
    }
}
