package org.jkeepalived.core.config.lvs.check;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.jkeepalived.core.config.SourceLocation;
import org.jkeepalived.core.config.ScriptCommand;

/**
 * {@code MISC_CHECK}: runs {@code misc_path}; exit 0 is up. {@code misc_timeout} defaults to the checker's
 * {@code delay_loop}; with {@code misc_dynamic} an exit status of 2..255 sets the weight. The script runs as
 * {@code user} (the global script user when absent). MISC_CHECK has no connection options, so those parts of
 * {@link #common()} stay empty.
 */
public record MiscCheck(CheckerCommon common, ScriptCommand script, Optional<Duration> timeout, boolean dynamic,
                        SourceLocation location) implements Checker {
    public MiscCheck {
        Objects.requireNonNull(common, "common");
        Objects.requireNonNull(script, "script");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(location, "location");
    }

    /** The timeout keepalived applies: {@code misc_timeout}, else {@code delay_loop}. */
    public Duration effectiveTimeout() {
        return timeout.orElse(common.delayLoop());
    }

    @Override
    public String kind() {
        return "MISC_CHECK";
    }
}
