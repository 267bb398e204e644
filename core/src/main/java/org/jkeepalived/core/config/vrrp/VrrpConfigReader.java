package org.jkeepalived.core.config.vrrp;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jkeepalived.core.config.Arguments;
import org.jkeepalived.core.config.ConfigNode;
import org.jkeepalived.core.config.Diagnostics;
import org.jkeepalived.core.config.HostInterfaces;
import org.jkeepalived.core.config.global.GlobalDefs;
import org.jkeepalived.core.config.global.GlobalDefsReader;

/**
 * Reads and validates the VRRP blocks of a whole keepalived.conf (after the language layer) into a
 * {@link VrrpConfig}. Top-level keywords it does not own (virtual_server, bfd_instance, ...) are left
 * to their readers.
 */
public final class VrrpConfigReader {
    /** Every top-level keyword owned by the global and VRRP readers. */
    public static final Set<String> TOP_LEVEL_KEYWORDS = Stream.concat(GlobalDefsReader.TOP_LEVEL_KEYWORDS.stream(),
            Stream.of("vrrp_script", "track_file", "vrrp_track_file", "vrrp_track_process", "vrrp_sync_group",
                    "garp_group", "vrrp_instance", "static_ipaddress", "static_routes", "static_rules", "track_group",
                    "linkbeat_interfaces", "interface_up_down_delays")).collect(Collectors.toUnmodifiableSet());

    private VrrpConfigReader() {
    }

    public static VrrpConfig read(List<ConfigNode> topLevel, GlobalDefs global, HostInterfaces host, Diagnostics d) {
        List<VrrpScript> scripts = new ArrayList<>();
        List<VrrpTrackFile> files = new ArrayList<>();
        List<VrrpTrackProcess> processes = new ArrayList<>();
        List<SyncGroupReader.Read> groups = new ArrayList<>();
        List<VrrpInstance> instances = new ArrayList<>();
        List<GarpGroup> garpGroups = new ArrayList<>();
        List<TrackGroup> trackGroups = new ArrayList<>();
        List<VirtualIpAddress> staticAddresses = new ArrayList<>();
        List<VirtualRoute> staticRoutes = new ArrayList<>();
        List<VirtualRule> staticRules = new ArrayList<>();
        List<InterfaceSettings.Linkbeat> linkbeat = new ArrayList<>();
        List<InterfaceSettings.UpDownDelay> delays = new ArrayList<>();
        Set<String> instanceNames = new HashSet<>();
        RuleParser.DefaultPreferences prefs = new RuleParser.DefaultPreferences();
        for (ConfigNode n : topLevel) {
            switch (n.keyword()) {
                case "vrrp_script" -> TrackerReaders.script(n, d).ifPresent(s -> addUnique(scripts, s, s.name(), n, d));
                case "track_file", "vrrp_track_file" -> TrackerReaders.trackFile(n, d)
                        .ifPresent(f -> addUnique(files, f, f.name(), n, d));
                case "vrrp_track_process" -> TrackerReaders.trackProcess(n, d)
                        .ifPresent(p -> addUnique(processes, p, p.name(), n, d));
                case "vrrp_sync_group" -> SyncGroupReader.read(n, d).ifPresent(groups::add);
                case "vrrp_instance" -> readInstance(n, global, host, prefs, d).ifPresent(i -> {
                    if (instanceNames.add(i.name())) {
                        instances.add(i);
                    } else {
                        d.error(n, "vrrp_instance " + i.name() + " is defined more than once - ignoring");
                    }
                });
                case "garp_group" -> garpGroup(n, d).ifPresent(garpGroups::add);
                case "track_group" -> {
                    String name = TrackerReaders.blockName(n, d);
                    if (name != null) {
                        List<String> members = new ArrayList<>();
                        for (ConfigNode c : n.children()) {
                            if (c.keyword().equals("group")) {
                                c.children().forEach(m -> members.add(m.keyword()));
                            } else {
                                d.warning(c, "unknown keyword in track_group, ignored");
                            }
                        }
                        trackGroups.add(new TrackGroup(name, members, n.location()));
                    }
                }
                case "static_ipaddress" -> staticAddresses.addAll(IpAddressParser.parseBlock(n, d));
                case "static_routes" -> staticRoutes.addAll(RouteParser.parseBlock(n, true, d));
                case "static_rules" -> staticRules.addAll(RuleParser.parseBlock(n, prefs, d));
                case "linkbeat_interfaces" -> n.children().forEach(c -> linkbeat.add(new InterfaceSettings.Linkbeat(
                        c.keyword(), Optional.ofNullable(c.arg(0)), c.location())));
                case "interface_up_down_delays" -> n.children().forEach(c -> upDownDelay(c, d).ifPresent(delays::add));
                default -> {
                    // another reader's keyword
                }
            }
        }
        List<VrrpSyncGroup> syncGroups = CrossChecks.syncGroups(groups, instances, scripts, files, processes, d);
        List<VrrpInstance> checked = CrossChecks.instances(instances, syncGroups, scripts, files, processes, d);
        return new VrrpConfig(scripts, files, processes, syncGroups, checked, garpGroups, trackGroups,
                staticAddresses, staticRoutes, staticRules, linkbeat, delays);
    }

    private static Optional<VrrpInstance> readInstance(ConfigNode n, GlobalDefs global, HostInterfaces host,
                                                       RuleParser.DefaultPreferences prefs, Diagnostics d) {
        if (n.args().isEmpty()) {
            d.error(n, "vrrp_instance must have a name - ignoring");
            return Optional.empty();
        }
        InstanceBuilder b = new InstanceBuilder(n.arg(0), n.location());
        b.rulePreferences = prefs;
        n.children().forEach(c -> b.written.put(c.keyword(), c.location()));
        VrrpInstanceKeywords.TABLE.apply(b, n.children(), d);
        return InstanceFinisher.finish(b, global, host, d);
    }

    private static <T> void addUnique(List<T> list, T item, String name, ConfigNode n, Diagnostics d) {
        boolean dup = list.stream().anyMatch(x -> nameOf(x).equals(name));
        if (dup) {
            d.error(n, n.keyword() + " " + name + " is defined more than once - ignoring");
        } else {
            list.add(item);
        }
    }

    private static String nameOf(Object o) {
        if (o instanceof VrrpScript s) {
            return s.name();
        } else if (o instanceof VrrpTrackFile f) {
            return f.name();
        }
        return ((VrrpTrackProcess) o).name();
    }

    private static Optional<GarpGroup> garpGroup(ConfigNode n, Diagnostics d) {
        Duration garp = null;
        Duration gna = null;
        List<String> ifs = new ArrayList<>();
        for (ConfigNode c : n.children()) {
            switch (c.keyword()) {
                case "garp_interval" -> garp = Arguments.seconds(c, Duration.ZERO, Duration.ofSeconds(4294), d)
                        .orElse(garp);
                case "gna_interval" -> gna = Arguments.seconds(c, Duration.ZERO, Duration.ofSeconds(4294), d)
                        .orElse(gna);
                case "interface" -> Arguments.string(c, 0, "interface", d).ifPresent(ifs::add);
                case "interfaces" -> c.children().forEach(i -> ifs.add(i.keyword()));
                default -> d.warning(c, "unknown keyword in garp_group, ignored");
            }
        }
        if (garp == null && gna == null) {
            d.error(n, "garp_group does not have any delay set - ignoring");
            return Optional.empty();
        }
        return Optional.of(new GarpGroup(Optional.ofNullable(garp), Optional.ofNullable(gna), ifs, n.location()));
    }

    private static Optional<InterfaceSettings.UpDownDelay> upDownDelay(ConfigNode c, Diagnostics d) {
        Duration max = Duration.ofSeconds(255);
        Optional<Duration> down = Arguments.seconds(c, 0, Duration.ZERO, max, d);
        if (down.isEmpty()) {
            return Optional.empty();
        }
        Optional<Duration> up = c.arg(1) == null ? down : Arguments.seconds(c, 1, Duration.ZERO, max, d);
        return up.map(u -> new InterfaceSettings.UpDownDelay(c.keyword(), down.get(), u, c.location()));
    }
}
