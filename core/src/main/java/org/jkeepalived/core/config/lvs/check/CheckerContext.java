package org.jkeepalived.core.config.lvs.check;

import java.util.Objects;
import java.util.Set;
import org.jkeepalived.core.config.HostInterfaces;

/**
 * What checker validation may look up outside the checker: the host's interfaces (for {@code bind_if}) and the
 * names of the {@code track_file}/{@code vrrp_track_file} and {@code bfd_instance} blocks of the same
 * configuration.
 */
public record CheckerContext(HostInterfaces host, Set<String> trackFiles, Set<String> bfdInstances) {
    public CheckerContext {
        Objects.requireNonNull(host, "host");
        trackFiles = Set.copyOf(trackFiles);
        bfdInstances = Set.copyOf(bfdInstances);
    }
}
