package org.jkeepalived.core.config.vrrp;

import java.time.Duration;
import java.util.Optional;
import org.jkeepalived.core.config.SourceLocation;

/**
 * A {@code vrrp_script} block: a command run every {@code interval} (default 1 s) whose exit status
 * instances track. Defaults: no timeout (keepalived then uses the interval), weight 0 (failure means
 * FAULT), rise 1, fall 1, the global script user.
 */
public record VrrpScript(String name, String script, Duration interval, Optional<Duration> timeout, int weight,
                         boolean weightReverse, int rise, int fall, Optional<String> user, Optional<String> group,
                         boolean initFail, SourceLocation location) {
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(1);
}
