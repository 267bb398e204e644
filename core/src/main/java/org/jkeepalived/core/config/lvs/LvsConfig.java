package org.jkeepalived.core.config.lvs;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The LVS half of keepalived.conf: every virtual server group and virtual server, in file order, and the
 * {@code SSL} block the SSL_GET checkers share.
 */
public record LvsConfig(List<VirtualServerGroup> groups, List<VirtualServer> virtualServers,
                        Optional<SslSettings> ssl) {
    public LvsConfig {
        groups = List.copyOf(groups);
        virtualServers = List.copyOf(virtualServers);
        Objects.requireNonNull(ssl, "ssl");
    }

    /** Groups and servers without an SSL block. */
    public LvsConfig(List<VirtualServerGroup> groups, List<VirtualServer> virtualServers) {
        this(groups, virtualServers, Optional.empty());
    }
}
