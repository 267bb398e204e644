package org.jkeepalived.core.config.vrrp;

import java.util.List;

/**
 * The VRRP half of keepalived.conf, validated: trackers, sync groups, instances (with the global
 * defaults applied), GARP and track groups, the static addresses/routes/rules keepalived keeps on
 * the host whatever the VRRP state, and per-interface link settings. All lists are in file order.
 */
public record VrrpConfig(List<VrrpScript> scripts, List<VrrpTrackFile> trackFiles,
                         List<VrrpTrackProcess> trackProcesses, List<VrrpSyncGroup> syncGroups,
                         List<VrrpInstance> instances, List<GarpGroup> garpGroups, List<TrackGroup> trackGroups,
                         List<VirtualIpAddress> staticAddresses, List<VirtualRoute> staticRoutes,
                         List<VirtualRule> staticRules, List<InterfaceSettings.Linkbeat> linkbeatInterfaces,
                         List<InterfaceSettings.UpDownDelay> interfaceUpDownDelays) {
    public VrrpConfig {
        scripts = List.copyOf(scripts);
        trackFiles = List.copyOf(trackFiles);
        trackProcesses = List.copyOf(trackProcesses);
        syncGroups = List.copyOf(syncGroups);
        instances = List.copyOf(instances);
        garpGroups = List.copyOf(garpGroups);
        trackGroups = List.copyOf(trackGroups);
        staticAddresses = List.copyOf(staticAddresses);
        staticRoutes = List.copyOf(staticRoutes);
        staticRules = List.copyOf(staticRules);
        linkbeatInterfaces = List.copyOf(linkbeatInterfaces);
        interfaceUpDownDelays = List.copyOf(interfaceUpDownDelays);
    }

    /** The instance with this name, if any. */
    public java.util.Optional<VrrpInstance> instance(String name) {
        return instances.stream().filter(i -> i.name().equals(name)).findFirst();
    }
}
