package org.jkeepalived.core.config.vrrp;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jkeepalived.core.config.SourceLocation;

/**
 * A {@code garp_group} block: delays between gratuitous ARPs / unsolicited NAs for one interface
 * ({@code interface}) or aggregated over several ({@code interfaces { ... }}).
 */
public record GarpGroup(Optional<Duration> garpInterval, Optional<Duration> gnaInterval, List<String> interfaces,
                        SourceLocation location) {
    public GarpGroup {
        interfaces = List.copyOf(interfaces);
    }
}
