package org.jkeepalived.core.config.vrrp;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.jkeepalived.core.config.Diagnostics;
import org.jkeepalived.core.config.HostInterfaces;
import org.jkeepalived.core.config.SourceLocation;
import org.jkeepalived.core.config.global.GarpDefaults;
import org.jkeepalived.core.config.global.GlobalDefs;
import org.jkeepalived.core.config.global.VrrpDefaults;

/**
 * Turns a read {@link InstanceBuilder} into a {@link VrrpInstance}: applies the global defaults and
 * the checks keepalived makes on one instance once its block is complete (VRID set, interfaces exist,
 * advert interval fits the version, nopreempt compatible with state and priority, ...).
 */
final class InstanceFinisher {
    private static final Duration V3_MAX_ADVERT = Duration.ofMillis(40_950);

    private InstanceFinisher() {
    }

    static Optional<VrrpInstance> finish(InstanceBuilder b, GlobalDefs global, HostInterfaces host, Diagnostics d) {
        VrrpDefaults g = global.vrrp();
        if (b.virtualRouterId == null) {
            d.error(b.location, "vrrp_instance", b.tag() + "the virtual router id must be set - instance ignored");
            return Optional.empty();
        }
        checkInterfaces(b, host, d);
        boolean ipv6 = Boolean.TRUE.equals(b.ipv6);
        if (b.sourceAddress != null && (b.sourceAddress instanceof java.net.Inet6Address) != ipv6) {
            d.error(b.written.getOrDefault("unicast_src_ip", b.at("mcast_src_ip")), "mcast_src_ip", b.tag()
                    + "source address " + b.sourceAddress.getHostAddress()
                    + " and the instance must be of the same family - ignoring it");
            b.sourceAddress = null;
        }
        boolean strict = b.strictMode != null ? b.strictMode : g.strict();
        int version = InstanceRules.apply(b, strict, ipv6 ? 3 : (b.version != null ? b.version : g.version()), d);
        Duration advert = advertInterval(b, version, d);
        boolean nopreempt = b.nopreempt;
        if (nopreempt && b.priority == 255) {
            d.warning(b.nopreemptAt, "nopreempt", b.tag() + "nopreempt is incompatible with priority 255 - resetting"
                    + " nopreempt");
            nopreempt = false;
        } else if (nopreempt && b.state == VrrpState.MASTER) {
            d.warning(b.nopreemptAt, "nopreempt", b.tag() + "nopreempt will not work with initial state MASTER"
                    + " - clearing nopreempt");
            nopreempt = false;
        }
        if (b.vips.isEmpty()) {
            d.warning(b.location, "vrrp_instance", b.tag() + "no VIP specified; at least one is sensible");
        }
        OptionalInt unicastTtl = b.unicastTtl == null ? OptionalInt.empty() : OptionalInt.of(b.unicastTtl);
        if (unicastTtl.isPresent() && b.unicastPeers.isEmpty()) {
            d.warning(b.location, "unicast_ttl", b.tag() + "cannot use unicast_ttl without unicast peers - ignoring it");
            unicastTtl = OptionalInt.empty();
        }
        boolean accept = b.accept != null ? b.accept : !strict || b.priority == 255;
        boolean ttlCheck = b.unicastPeers.stream().anyMatch(p -> p.minTtl().isPresent() || p.maxTtl().isPresent());
        boolean checkSrc = (b.checkUnicastSrc != null ? b.checkUnicastSrc : g.checkUnicastSrc()) || ttlCheck;
        boolean lowerPrioNoAdvert = b.lowerPrioNoAdvert != null ? b.lowerPrioNoAdvert : g.lowerPrioNoAdvert() || strict;
        boolean higherPrioSendAdvert = b.higherPrioSendAdvert != null ? b.higherPrioSendAdvert
                : g.higherPrioSendAdvert();
        Tracking tracking = new Tracking(b.trackInterfaces, b.trackScripts, b.trackFiles, b.trackProcesses,
                b.trackBfds);
        NotifyScripts notify = new NotifyScripts(Optional.ofNullable(b.notifyMaster), Optional.ofNullable(b.notifyBackup),
                Optional.ofNullable(b.notifyFault), Optional.ofNullable(b.notifyStop), b.notifyDeleted,
                Optional.ofNullable(b.notifyDeletedScript), Optional.ofNullable(b.notify),
                Optional.ofNullable(b.notifyMasterRxLowerPri));
        return Optional.of(new VrrpInstance(b.name, b.state,
                Optional.ofNullable(b.interfaceName), Optional.ofNullable(b.vrf), Optional.ofNullable(b.useVmac),
                b.useVmacAddr, b.vmacXmitBase, Optional.ofNullable(b.useIpvlan), ipv6, b.dontTrackPrimary, tracking,
                Optional.ofNullable(b.sourceAddress), Optional.ofNullable(b.mcastDstIp), b.trackSrcIp, version,
                checkSrc, b.unicastPeers, b.unicastFaultNoPeer, unicastTtl, Optional.ofNullable(b.oldUnicastChecksum),
                garp(b, g.garp()), b.downTimerAdverts != null ? b.downTimerAdverts : g.downTimerAdverts(),
                lowerPrioNoAdvert, higherPrioSendAdvert, b.virtualRouterId, b.priority, advert,
                Optional.ofNullable(b.authentication), b.vips, b.excludedVips, b.promoteSecondaries, b.routes, b.rules,
                accept, !nopreempt, b.preemptDelay,
                b.skipCheckAdvAddr != null ? b.skipCheckAdvAddr : g.skipCheckAdvAddr(), strict, b.debug, notify,
                b.notifyPriorityChanges != null ? b.notifyPriorityChanges : g.notifyPriorityChanges(),
                Optional.ofNullable(b.smtpAlert),
                b.kernelRxBufSize == null ? OptionalLong.empty() : OptionalLong.of(b.kernelRxBufSize),
                b.linkbeatUsePolling, Optional.ofNullable(b.lvsSyncDaemonInterface), b.location));
    }

    private static void checkInterfaces(InstanceBuilder b, HostInterfaces host, Diagnostics d) {
        if (b.interfaceName != null) {
            checkInterface(b.interfaceName, b.interfaceAt, "interface", b, host, d);
        } else {
            // The man page allows unicast without an interface, but keepalived 2.2.7 -t rejects every instance
            // without one ("(VI_1) Unknown interface!"), default_interface or not.
            d.error(b.location, "vrrp_instance", b.tag() + "no interface specified (keepalived 2.2.7 needs one"
                    + " even with unicast peers)");
        }
        List<TrackedItem> kept = new ArrayList<>();
        for (TrackedItem t : b.trackInterfaces) {
            if (t.name().equals(b.interfaceName)) {
                d.warning(t.location(), "track_interface", b.tag() + "ignoring track_interface " + t.name()
                        + " since it is the instance's own interface");
                continue;
            }
            checkInterface(t.name(), t.location(), "track_interface", b, host, d);
            kept.add(t);
        }
        b.trackInterfaces = kept;
        for (List<VirtualIpAddress> list : List.of(b.vips, b.excludedVips)) {
            for (VirtualIpAddress a : list) {
                a.dev().ifPresent(dev -> checkInterface(dev, a.location(), "dev", b, host, d));
            }
        }
        for (VirtualRoute r : b.routes) {
            r.dev().ifPresent(dev -> checkInterface(dev, r.location(), "dev", b, host, d));
        }
    }

    private static void checkInterface(String name, SourceLocation at, String keyword, InstanceBuilder b,
                                       HostInterfaces host, Diagnostics d) {
        if (name.equals("lo") && keyword.equals("interface")) {
            d.error(at, keyword, b.tag() + "cannot use a loopback interface (lo) for vrrp");
        } else if (!host.exists(name)) {
            d.error(at, keyword, b.tag() + "interface " + name + " doesn't exist");
        }
    }

    /** keepalived's per-version advert interval rules; a replaced value is a warning. */
    private static Duration advertInterval(InstanceBuilder b, int version, Diagnostics d) {
        Duration a = b.advertInterval;
        SourceLocation at = b.advertIntAt != null ? b.advertIntAt : b.location;
        BigDecimal secs = BigDecimal.valueOf(a.toNanos()).movePointLeft(9);
        if (version == 2) {
            if (a.toNanos() % 1_000_000_000L != 0) {
                BigDecimal r = secs.setScale(0, RoundingMode.HALF_UP).max(BigDecimal.ONE);
                d.warning(at, "advert_int", b.tag() + "VRRPv2 advertisement interval " + secs.stripTrailingZeros()
                        .toPlainString() + "s must be an integer - using " + r.toPlainString() + "s");
                return Duration.ofSeconds(r.longValueExact());
            }
            return a;
        }
        if (a.compareTo(V3_MAX_ADVERT) > 0) {
            d.warning(at, "advert_int", b.tag() + "VRRPv3 advertisement interval " + secs.stripTrailingZeros()
                    .toPlainString() + "s is out of range, must be less than 40.96s - using 40.95s");
            return V3_MAX_ADVERT;
        }
        if (a.toNanos() % 10_000_000L != 0) {
            BigDecimal r = secs.setScale(2, RoundingMode.HALF_UP).max(new BigDecimal("0.01"));
            d.warning(at, "advert_int", b.tag() + "VRRPv3 advertisement interval " + secs.stripTrailingZeros()
                    .toPlainString() + "s must be in units of 10ms - using " + r.toPlainString() + "s");
            return Duration.ofNanos(r.movePointRight(9).longValueExact());
        }
        return a;
    }

    private static GarpDefaults garp(InstanceBuilder b, GarpDefaults g) {
        Optional<GarpDefaults.GarpExtraIf> extra = b.garpExtraIfOff ? Optional.empty()
                : b.garpExtraIf != null ? Optional.of(b.garpExtraIf) : g.extraIf();
        return new GarpDefaults(b.garpMasterDelay != null ? b.garpMasterDelay : g.masterDelay(),
                b.garpMasterRepeat != null ? b.garpMasterRepeat : g.masterRepeat(),
                b.garpLowerPrioDelay != null ? Optional.of(b.garpLowerPrioDelay) : g.lowerPrioDelay(),
                b.garpLowerPrioRepeat != null ? Optional.of(b.garpLowerPrioRepeat) : g.lowerPrioRepeat(),
                b.garpMasterRefresh != null ? b.garpMasterRefresh : g.masterRefresh(),
                b.garpMasterRefreshRepeat != null ? b.garpMasterRefreshRepeat : g.masterRefreshRepeat(),
                g.garpInterval(), g.gnaInterval(), g.minGarp(), extra);
    }
}
