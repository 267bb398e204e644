package org.jkeepalived.checkers.policy;

import java.time.Duration;
import java.util.Objects;

import org.jkeepalived.core.config.lvs.check.Checker;
import org.jkeepalived.core.config.lvs.check.CheckerCommon;
import org.jkeepalived.core.config.lvs.check.FileCheck;

/**
 * The timers one checker runs by: {@code delay_loop}, {@code retry} × {@code delay_before_retry}, {@code warmup},
 * {@code connect_timeout} and whether it starts failed ({@code alpha}).
 */
public record CheckTiming(Duration delayLoop, long retry, Duration delayBeforeRetry, Duration warmup,
                          Duration connectTimeout, boolean alpha, boolean logAllFailures) {
    /**
     * How often a FILE_CHECK re-reads its file. keepalived watches the file with inotify and reacts at once; a
     * one-second poll keeps this checker on the same loop as the others at a bounded delay.
     */
    public static final Duration FILE_POLL = Duration.ofSeconds(1);

    public CheckTiming {
        Objects.requireNonNull(delayLoop, "delayLoop");
        Objects.requireNonNull(delayBeforeRetry, "delayBeforeRetry");
        Objects.requireNonNull(warmup, "warmup");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
    }

    /** The timing keepalived uses for {@code c}. */
    public static CheckTiming of(Checker c) {
        CheckerCommon k = c.common();
        if (c instanceof FileCheck) {
            // FILE_CHECK takes none of the standard options and never retries.
            return new CheckTiming(FILE_POLL, 0, FILE_POLL, Duration.ZERO, k.connectTimeout(), false, false);
        }
        return new CheckTiming(k.delayLoop(), k.retry(), k.delayBeforeRetry(), k.warmup(), k.connectTimeout(),
                k.alpha(), k.logAllFailures());
    }
}
