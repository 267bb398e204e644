package org.jkeepalived.vrrp.router;

import java.util.ArrayList;
import java.util.List;
import org.jkeepalived.core.config.vrrp.VirtualIpAddress;
import org.jkeepalived.core.config.vrrp.VirtualRoute;
import org.jkeepalived.core.config.vrrp.VirtualRule;
import org.jkeepalived.core.config.vrrp.VrrpInstance;

/**
 * What a reload takes from and gives to a MASTER: the virtual_ipaddress, virtual_ipaddress_excluded,
 * virtual_routes and virtual_rules entries only the old block has ({@code removed}) and those only the new
 * one has ({@code added}), each as a copy of its block that owns just those entries, so that the kernel
 * installer removes and adds exactly them and leaves the entries both blocks have in place. Where an entry
 * is written in the file does not count.
 */
record OwnedDelta(VrrpInstance removed, VrrpInstance added) {
    static OwnedDelta of(VrrpInstance before, VrrpInstance after) {
        return new OwnedDelta(
                owning(before, minus(before.virtualIpAddresses(), after.virtualIpAddresses()),
                        minus(before.excludedIpAddresses(), after.excludedIpAddresses()),
                        minus(before.virtualRoutes(), after.virtualRoutes()),
                        minus(before.virtualRules(), after.virtualRules())),
                owning(after, minus(after.virtualIpAddresses(), before.virtualIpAddresses()),
                        minus(after.excludedIpAddresses(), before.excludedIpAddresses()),
                        minus(after.virtualRoutes(), before.virtualRoutes()),
                        minus(after.virtualRules(), before.virtualRules())));
    }

    /** Whether a block owns nothing (no address, route or rule). */
    static boolean empty(VrrpInstance c) {
        return c.virtualIpAddresses().isEmpty() && c.excludedIpAddresses().isEmpty() && c.virtualRoutes().isEmpty()
                && c.virtualRules().isEmpty();
    }

    private static <T> List<T> minus(List<T> from, List<T> other) {
        List<String> keep = other.stream().map(o -> ReloadDiff.withoutLocations(o.toString())).toList();
        List<T> out = new ArrayList<>();
        for (T t : from) {
            if (!keep.contains(ReloadDiff.withoutLocations(t.toString()))) {
                out.add(t);
            }
        }
        return out;
    }

    private static VrrpInstance owning(VrrpInstance c, List<VirtualIpAddress> vips, List<VirtualIpAddress> excluded,
                                       List<VirtualRoute> routes, List<VirtualRule> rules) {
        return new VrrpInstance(c.name(), c.initialState(), c.interfaceName(), c.vrf(), c.useVmac(),
                c.useVmacAddr(), c.vmacXmitBase(), c.useIpvlan(), c.ipv6(), c.dontTrackPrimary(), c.tracking(),
                c.sourceAddress(), c.mcastDstIp(), c.trackSrcIp(), c.version(), c.checkUnicastSrc(),
                c.unicastPeers(), c.unicastFaultNoPeer(), c.unicastTtl(), c.oldUnicastChecksum(), c.garp(),
                c.downTimerAdverts(), c.lowerPrioNoAdvert(), c.higherPrioSendAdvert(), c.virtualRouterId(),
                c.priority(), c.advertInterval(), c.authentication(), vips, excluded, c.promoteSecondaries(),
                routes, rules, c.accept(), c.preempt(), c.preemptDelay(), c.skipCheckAdvAddr(), c.strictMode(),
                c.debug(), c.notifyScripts(), c.notifyPriorityChanges(), c.smtpAlert(), c.kernelRxBufSize(),
                c.linkbeatUsePolling(), c.lvsSyncDaemonInterface(), c.location());
    }
}
