package org.jkeepalived.core.config;

import java.util.Objects;

/**
 * How to read a configuration: the {@code -i} config id that {@code @id} lines are matched against,
 * {@code -e} (a missing include is an error), and the host whose interfaces names are checked against.
 */
public record LoadOptions(String configId, boolean allConfig, HostInterfaces host) {
    public LoadOptions {
        Objects.requireNonNull(configId, "configId");
        Objects.requireNonNull(host, "host");
    }
}
