package org.jkeepalived.core.config.lvs.check;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The settings every checker shares, already resolved the way keepalived resolves them: a value written in the
 * checker wins, else the real server's, else the virtual server's, else the checker kind's default.
 *
 * <p>Defaults: {@code connect_ip}/{@code connect_port} are the real server's (empty here); {@code connect_timeout}
 * 5 s; {@code retry} 1 (3 for DNS_CHECK, 0 for MISC_CHECK); {@code delay_before_retry} 1 s (3 s for HTTP_GET and
 * SSL_GET, {@code delay_loop} for DNS_CHECK); {@code delay_loop} 60 s; {@code warmup} equal to {@code delay_loop};
 * {@code alpha} and {@code log_all_failures} off; no {@code fwmark}.
 */
public record CheckerCommon(Optional<InetAddress> connectIp, OptionalInt connectPort, Optional<InetAddress> bindTo,
                            OptionalInt bindPort, Optional<String> bindIf, OptionalLong fwmark,
                            Duration connectTimeout, long retry, Duration delayBeforeRetry, Duration warmup,
                            Duration delayLoop, boolean alpha, boolean logAllFailures) {
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_DELAY_LOOP = Duration.ofSeconds(60);

    public CheckerCommon {
        Objects.requireNonNull(connectIp, "connectIp");
        Objects.requireNonNull(connectPort, "connectPort");
        Objects.requireNonNull(bindTo, "bindTo");
        Objects.requireNonNull(bindPort, "bindPort");
        Objects.requireNonNull(bindIf, "bindIf");
        Objects.requireNonNull(fwmark, "fwmark");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(delayBeforeRetry, "delayBeforeRetry");
        Objects.requireNonNull(warmup, "warmup");
        Objects.requireNonNull(delayLoop, "delayLoop");
    }
}
