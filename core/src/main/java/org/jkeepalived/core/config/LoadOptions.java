package org.jkeepalived.core.config;

import java.util.Objects;
import java.util.Optional;

/**
 * How to read a configuration: the {@code -i} config id that {@code @id} lines are matched against,
 * {@code -e} (a missing include is an error), the host whose interfaces names are checked against, and
 * the host's files and users the scripts are checked against (none: scripts are not checked, as when
 * dumping a config written for another host).
 */
public record LoadOptions(String configId, boolean allConfig, HostInterfaces host, Optional<HostFiles> files) {
    public LoadOptions {
        Objects.requireNonNull(configId, "configId");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(files, "files");
    }

    /** Options that leave scripts unchecked. */
    public LoadOptions(String configId, boolean allConfig, HostInterfaces host) {
        this(configId, allConfig, host, Optional.empty());
    }
}
