package org.jkeepalived.vrrp.router;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.jkeepalived.core.config.vrrp.VrrpSyncGroup;

/**
 * What a reload changes among the VRRP instances, by name: the instances to keep running untouched (same
 * configuration, same sync group), those to reconfigure in place (same virtual router, other settings:
 * VIPs, routes, rules, priority, advert_int, tracking, notify, garp; as keepalived does), and those to stop
 * and those to start. An instance that became another virtual router (VRID, version, interface, vmac,
 * primary address, address ownership, multicast or unicast), or whose sync group changed (its membership,
 * or a fellow member that restarts), is both stopped and started. Where a block sits in the file does not
 * count: adding lines above an instance leaves it unchanged.
 *
 * @param kept         running instances left alone, in their old order
 * @param reconfigured running instances changed in place, in their old order
 * @param stopped      running instances to stop (removed or restarted)
 * @param started      planned instances to start (added or restarted), in the new order
 */
record ReloadDiff(List<String> kept, List<String> reconfigured, List<String> stopped, List<String> started) {
    /** The file:line of any block in a record's text, whatever the field is called. */
    private static final Pattern LOCATION = Pattern.compile("\\b(location|at|first|[a-z][A-Za-z]*At)=[^,\\])]*");

    ReloadDiff {
        kept = List.copyOf(kept);
        reconfigured = List.copyOf(reconfigured);
        stopped = List.copyOf(stopped);
        started = List.copyOf(started);
    }

    /**
     * Compares the running instances and their groups (each group as its member names) with the new plans
     * and sync groups.
     */
    static ReloadDiff of(List<InstancePlan> running, Map<String, List<String>> runningGroups,
                         List<InstancePlan> planned, List<VrrpSyncGroup> plannedGroups) {
        Map<String, InstancePlan> before = byName(running);
        Map<String, InstancePlan> after = byName(planned);
        Map<String, List<String>> newGroups = new LinkedHashMap<>();
        plannedGroups.forEach(g -> newGroups.put(g.name(), List.copyOf(g.members())));
        Set<String> restart = new LinkedHashSet<>();
        Set<String> changed = new LinkedHashSet<>();
        before.forEach((name, old) -> {
            InstancePlan now = after.get(name);
            if (now != null && !same(old, now)) {
                (sameRouter(old, now) ? changed : restart).add(name);
            }
        });
        runningGroups.forEach((name, members) -> {
            if (!members.equals(newGroups.get(name))) {
                restart.addAll(members);
            }
        });
        newGroups.forEach((name, members) -> {
            if (!members.equals(runningGroups.get(name))) {
                restart.addAll(members);
            }
        });
        // a restarted member takes its whole group with it: the group object is rebuilt
        for (Map<String, List<String>> groups : List.of(runningGroups, newGroups)) {
            for (List<String> members : groups.values()) {
                if (members.stream().anyMatch(restart::contains)) {
                    restart.addAll(members);
                }
            }
        }
        List<String> kept = new ArrayList<>();
        List<String> reconfigured = new ArrayList<>();
        List<String> stopped = new ArrayList<>();
        for (String name : before.keySet()) {
            if (after.containsKey(name) && !restart.contains(name)) {
                (changed.contains(name) ? reconfigured : kept).add(name);
            } else {
                stopped.add(name);
            }
        }
        List<String> started = new ArrayList<>();
        for (String name : after.keySet()) {
            if (!before.containsKey(name) || restart.contains(name)) {
                started.add(name);
            }
        }
        return new ReloadDiff(kept, reconfigured, stopped, started);
    }

    /** Whether a changed plan is still the same virtual router, so that it can be reconfigured in place. */
    static boolean sameRouter(InstancePlan a, InstancePlan b) {
        return a.spec().sameRouterAs(b.spec()) && Objects.equals(a.vmacName(), b.vmacName())
                && a.baseInterface().equals(b.baseInterface()) && a.ipv6() == b.ipv6();
    }

    /** Whether two plans run the same instance: same configuration (wherever written) and host facts. */
    static boolean same(InstancePlan a, InstancePlan b) {
        return withoutLocations(a.config().toString()).equals(withoutLocations(b.config().toString()))
                && a.interfaceName().equals(b.interfaceName())
                && Objects.equals(a.spec().primaryAddress(), b.spec().primaryAddress())
                && Objects.equals(a.vmacName(), b.vmacName());
    }

    static String withoutLocations(String text) {
        return LOCATION.matcher(text).replaceAll("$1=");
    }

    private static Map<String, InstancePlan> byName(List<InstancePlan> plans) {
        Map<String, InstancePlan> m = new LinkedHashMap<>();
        plans.forEach(p -> m.put(p.name(), p));
        return m;
    }
}
