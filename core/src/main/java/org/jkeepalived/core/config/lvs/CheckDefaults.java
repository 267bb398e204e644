package org.jkeepalived.core.config.lvs;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The checker settings a virtual server or real server may give for its checkers
 * ({@code connect_timeout}, {@code retry}, {@code delay_before_retry}, {@code warmup}, {@code delay_loop},
 * {@code alpha}), exactly as written: empty when not written. keepalived resolves a checker's value as
 * checker, else real server, else virtual server, else the checker kind's default.
 */
public record CheckDefaults(Optional<Duration> connectTimeout, OptionalLong retry, Optional<Duration> delayBeforeRetry,
                            Optional<Duration> warmup, Optional<Duration> delayLoop, Optional<Boolean> alpha) {
    public static final CheckDefaults NONE = new CheckDefaults(Optional.empty(), OptionalLong.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty());

    public CheckDefaults {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(delayBeforeRetry, "delayBeforeRetry");
        Objects.requireNonNull(warmup, "warmup");
        Objects.requireNonNull(delayLoop, "delayLoop");
        Objects.requireNonNull(alpha, "alpha");
    }

    /** These values where written, else those of {@code outer} (the enclosing block). */
    public CheckDefaults orElse(CheckDefaults outer) {
        return new CheckDefaults(
                connectTimeout.or(outer::connectTimeout),
                retry.isPresent() ? retry : outer.retry,
                delayBeforeRetry.or(outer::delayBeforeRetry),
                warmup.or(outer::warmup),
                delayLoop.or(outer::delayLoop),
                alpha.or(outer::alpha));
    }
}
