package org.jkeepalived.core.config.vrrp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jkeepalived.core.config.Diagnostics;
import org.jkeepalived.core.config.SourceLocation;

/**
 * The checks keepalived makes once the whole file is read, across blocks: sync group membership,
 * references to vrrp_script / track_file / vrrp_track_process names, sync-group weights and
 * duplicate VRIDs on one interface and address family.
 */
final class CrossChecks {
    private CrossChecks() {
    }

    /** Drops members that do not exist or are already in another group, then groups left empty. */
    static List<VrrpSyncGroup> syncGroups(List<SyncGroupReader.Read> groups, List<VrrpInstance> instances,
                                          List<VrrpScript> scripts, List<VrrpTrackFile> files,
                                          List<VrrpTrackProcess> processes, Diagnostics d) {
        Set<String> names = instances.stream().map(VrrpInstance::name).collect(Collectors.toSet());
        Map<String, String> groupOf = new HashMap<>();
        List<VrrpSyncGroup> out = new ArrayList<>();
        Set<String> groupNames = new HashSet<>();
        for (SyncGroupReader.Read r : groups) {
            VrrpSyncGroup g = r.group();
            if (!groupNames.add(g.name())) {
                d.error(g.location(), "vrrp_sync_group", "sync group " + g.name() + " is defined more than once"
                        + " - ignoring");
                continue;
            }
            List<String> kept = new ArrayList<>();
            for (int i = 0; i < g.members().size(); i++) {
                String m = g.members().get(i);
                SourceLocation at = r.memberLocations().get(i);
                if (!names.contains(m)) {
                    d.warning(at, "group", "virtual router " + m + " specified in sync group " + g.name()
                            + " doesn't exist - ignoring");
                } else if (groupOf.containsKey(m)) {
                    d.warning(at, "group", "virtual router " + m + " cannot exist in more than one sync group"
                            + " (already in " + groupOf.get(m) + ") - ignoring it in " + g.name());
                } else if (!kept.contains(m)) {
                    kept.add(m);
                    groupOf.put(m, g.name());
                }
            }
            if (kept.isEmpty()) {
                d.error(g.location(), "vrrp_sync_group", "sync group " + g.name()
                        + " has no matching virtual router - removing it");
                continue;
            }
            if (kept.size() == 1) {
                // keepalived 2.2.7 says so and fails -t, although the group still works.
                d.warning(g.location(), "vrrp_sync_group", "sync group " + g.name() + " has only 1 virtual router"
                        + " - this probably isn't what you want");
            }
            Tracking t = resolve(g.tracking(), g.name(), names(scripts, VrrpScript::name), names(files, VrrpTrackFile::name),
                    names(processes, VrrpTrackProcess::name), d);
            out.add(new VrrpSyncGroup(g.name(), kept, t, g.notifyScripts(), g.notifyPriorityChanges(),
                    g.smtpAlert(), g.globalTracking(), g.syncGroupTrackingWeight(), g.location()));
        }
        return out;
    }

    static List<VrrpInstance> instances(List<VrrpInstance> instances, List<VrrpSyncGroup> groups,
                                        List<VrrpScript> scripts, List<VrrpTrackFile> files,
                                        List<VrrpTrackProcess> processes, Diagnostics d) {
        Set<String> s = names(scripts, VrrpScript::name);
        Set<String> f = names(files, VrrpTrackFile::name);
        Set<String> p = names(processes, VrrpTrackProcess::name);
        Map<String, VrrpSyncGroup> groupOf = new HashMap<>();
        groups.forEach(g -> g.members().forEach(m -> groupOf.put(m, g)));
        Map<String, Integer> scriptWeight = scripts.stream().collect(Collectors.toMap(VrrpScript::name,
                VrrpScript::weight));
        Map<String, Integer> fileWeight = files.stream().collect(Collectors.toMap(VrrpTrackFile::name,
                VrrpTrackFile::weight));
        Map<String, Integer> processWeight = processes.stream().collect(Collectors.toMap(VrrpTrackProcess::name,
                VrrpTrackProcess::weight));
        List<VrrpInstance> out = new ArrayList<>();
        for (VrrpInstance i : instances) {
            Tracking t = resolve(i.tracking(), i.name(), s, f, p, d);
            VrrpSyncGroup g = groupOf.get(i.name());
            if (g != null && !g.syncGroupTrackingWeight()) {
                t = new Tracking(t.interfaces(), zeroWeights(t.scripts(), scriptWeight, i.name(), "script", d),
                        zeroWeights(t.files(), fileWeight, i.name(), "file", d),
                        zeroWeights(t.processes(), processWeight, i.name(), "process", d), t.bfds());
            }
            out.add(withTracking(i, t));
        }
        duplicateVrids(out, d);
        return out;
    }

    private static Tracking resolve(Tracking t, String owner, Set<String> scripts, Set<String> files,
                                    Set<String> processes, Diagnostics d) {
        return new Tracking(t.interfaces(), known(t.scripts(), scripts, owner, "track_script", "script", d),
                known(t.files(), files, owner, "track_file", "file", d),
                known(t.processes(), processes, owner, "track_process", "process", d), t.bfds());
    }

    private static List<TrackedItem> known(List<TrackedItem> items, Set<String> defined, String owner,
                                           String keyword, String what, Diagnostics d) {
        List<TrackedItem> out = new ArrayList<>();
        for (TrackedItem t : items) {
            if (defined.contains(t.name())) {
                out.add(t);
            } else {
                d.warning(t.location(), keyword, "(" + owner + ") track " + what + " " + t.name()
                        + " not found, ignoring");
            }
        }
        return out;
    }

    private static List<TrackedItem> zeroWeights(List<TrackedItem> items, Map<String, Integer> defaults, String owner,
                                                 String what, Diagnostics d) {
        List<TrackedItem> out = new ArrayList<>();
        for (TrackedItem t : items) {
            int w = t.weight().orElse(defaults.getOrDefault(t.name(), 0));
            if (w != 0) {
                d.warning(t.location(), "track_" + what, "(" + owner + ") ignoring weight of tracked " + what + " "
                        + t.name() + " due to SYNC group (using weight 0)");
                out.add(new TrackedItem(t.name(), OptionalInt.of(0), t.reverse(), t.location()));
            } else {
                out.add(t);
            }
        }
        return out;
    }

    /** Two instances may share a VRID on one interface and family only with distinct peers or groups. */
    private static void duplicateVrids(List<VrrpInstance> instances, Diagnostics d) {
        for (int a = 0; a < instances.size(); a++) {
            for (int b = a + 1; b < instances.size(); b++) {
                VrrpInstance x = instances.get(a);
                VrrpInstance y = instances.get(b);
                if (x.virtualRouterId() != y.virtualRouterId() || x.ipv6() != y.ipv6()
                        || x.interfaceName().isEmpty() || !x.interfaceName().equals(y.interfaceName())
                        || !Objects.equals(x.mcastDstIp(), y.mcastDstIp())) {
                    continue;
                }
                if (!x.unicastPeers().isEmpty() || !y.unicastPeers().isEmpty()) {
                    Set<Object> px = x.unicastPeers().stream().map(UnicastPeer::address).collect(Collectors.toSet());
                    boolean overlap = y.unicastPeers().stream().anyMatch(u -> px.contains(u.address()));
                    boolean bothUnicast = !x.unicastPeers().isEmpty() && !y.unicastPeers().isEmpty();
                    if (bothUnicast && !overlap) {
                        continue;
                    }
                }
                d.error(y.location(), "virtual_router_id", x.name() + " and " + y.name() + " both use VRID "
                        + y.virtualRouterId() + " with " + (y.ipv6() ? "IPv6" : "IPv4") + " on interface "
                        + y.interfaceName().get());
            }
        }
    }

    private static <T> Set<String> names(List<T> list, Function<T, String> name) {
        Set<String> s = new HashSet<>();
        list.forEach(x -> s.add(name.apply(x)));
        return s;
    }

    private static VrrpInstance withTracking(VrrpInstance i, Tracking t) {
        return new VrrpInstance(i.name(), i.initialState(), i.interfaceName(), i.vrf(), i.useVmac(), i.useVmacAddr(),
                i.vmacXmitBase(), i.useIpvlan(), i.ipv6(), i.dontTrackPrimary(), t, i.sourceAddress(), i.mcastDstIp(),
                i.trackSrcIp(), i.version(), i.checkUnicastSrc(), i.unicastPeers(), i.unicastFaultNoPeer(),
                i.unicastTtl(), i.oldUnicastChecksum(), i.garp(), i.downTimerAdverts(), i.lowerPrioNoAdvert(),
                i.higherPrioSendAdvert(), i.virtualRouterId(), i.priority(), i.advertInterval(), i.authentication(),
                i.virtualIpAddresses(), i.excludedIpAddresses(), i.promoteSecondaries(), i.virtualRoutes(),
                i.virtualRules(), i.accept(), i.preempt(), i.preemptDelay(), i.skipCheckAdvAddr(), i.strictMode(),
                i.debug(), i.notifyScripts(), i.notifyPriorityChanges(), i.smtpAlert(), i.kernelRxBufSize(),
                i.linkbeatUsePolling(), i.lvsSyncDaemonInterface(), i.location());
    }
}
