package org.jkeepalived.core.config.lvs;

import java.util.List;

/** The LVS half of keepalived.conf: every virtual server group and virtual server, in file order. */
public record LvsConfig(List<VirtualServerGroup> groups, List<VirtualServer> virtualServers) {
    public LvsConfig {
        groups = List.copyOf(groups);
        virtualServers = List.copyOf(virtualServers);
    }
}
