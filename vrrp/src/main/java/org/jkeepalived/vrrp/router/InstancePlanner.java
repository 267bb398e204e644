package org.jkeepalived.vrrp.router;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jkeepalived.core.config.global.GarpDefaults;
import org.jkeepalived.core.config.global.GlobalDefs;
import org.jkeepalived.core.config.vrrp.Authentication;
import org.jkeepalived.core.config.vrrp.TrackedItem;
import org.jkeepalived.core.config.vrrp.Tracking;
import org.jkeepalived.core.config.vrrp.UnicastPeer;
import org.jkeepalived.core.config.vrrp.VirtualIpAddress;
import org.jkeepalived.core.config.vrrp.VrrpConfig;
import org.jkeepalived.core.config.vrrp.VrrpScript;
import org.jkeepalived.core.config.vrrp.VrrpSyncGroup;
import org.jkeepalived.core.config.vrrp.VrrpTrackFile;
import org.jkeepalived.vrrp.engine.GarpSettings;
import org.jkeepalived.vrrp.engine.InstanceSpec;
import org.jkeepalived.vrrp.engine.TrackedObject;
import org.jkeepalived.vrrp.engine.VirtualAddress;
import org.jkeepalived.vrrp.packet.AuthType;
import org.jkeepalived.vrrp.packet.InstanceExpectations;

/**
 * Maps the configuration model's vrrp_instance blocks to {@link InstancePlan}s: the engine's
 * {@link InstanceSpec} and the receive path's {@link InstanceExpectations}. Pure: the one fact it
 * needs from the host, the address adverts come from, is asked of an {@link AddressSource}.
 */
public final class InstancePlanner {
    private static final long MICROS_PER_SECOND = 1_000_000;
    private static final long MICROS_PER_CENTI = 10_000;

    /** Where an instance's primary address comes from when unicast_src_ip does not set it. */
    @FunctionalInterface
    public interface AddressSource {
        /**
         * The interface's first IPv4 address, or its IPv6 link-local address, or null when it has none.
         */
        InetAddress primaryAddress(String interfaceName, boolean ipv6) throws IOException;
    }

    /** The plans that could be made and, for every instance left out, why (a log line). */
    public record Result(List<InstancePlan> plans, List<String> problems) {
        public Result {
            plans = List.copyOf(plans);
            problems = List.copyOf(problems);
        }
    }

    private InstancePlanner() {
    }

    /** Plans every vrrp_instance of {@code vrrp}; an instance that cannot run is left out with a reason. */
    public static Result plan(GlobalDefs global, VrrpConfig vrrp, AddressSource addresses) {
        List<InstancePlan> plans = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (org.jkeepalived.core.config.vrrp.VrrpInstance c : vrrp.instances()) {
            if (c.interfaceName().isEmpty()) {
                problems.add("(" + c.name() + ") no interface configured; instance not started");
                continue;
            }
            String base = c.interfaceName().get();
            InetAddress primary = c.sourceAddress().orElse(null);
            if (primary == null) {
                try {
                    primary = addresses.primaryAddress(base, c.ipv6());
                } catch (IOException e) {
                    problems.add("(" + c.name() + ") cannot read the addresses of " + base + ": " + e.getMessage());
                    continue;
                }
            }
            if (primary == null) {
                problems.add("(" + c.name() + ") Cannot find an IP address to use for interface " + base);
                continue;
            }
            try {
                plans.add(plan(c, global, vrrp, primary));
            } catch (IllegalArgumentException e) {
                problems.add("(" + c.name() + ") cannot run: " + e.getMessage());
            }
        }
        return new Result(plans, problems);
    }

    /** Plans one instance whose primary address is known. */
    public static InstancePlan plan(org.jkeepalived.core.config.vrrp.VrrpInstance c, GlobalDefs global,
                                    VrrpConfig vrrp, InetAddress primary) {
        String base = c.interfaceName().orElseThrow(() -> new IllegalArgumentException("no interface"));
        String vmac = c.useVmac().map(v -> v.name().orElse(global.vrrp().vmacPrefix() + "." + c.virtualRouterId()))
                .orElse(null);
        String device = vmac != null ? vmac : base;
        int version = c.ipv6() ? 3 : c.version();
        long interval = advertIntervalMicros(c.advertInterval(), version);
        InstanceSpec.Builder b = InstanceSpec.builder(c.name(), c.virtualRouterId(), primary)
                .interfaceName(device)
                .version(version)
                .priority(c.priority())
                .advertIntervalMicros(interval)
                .preempt(c.preempt())
                .preemptDelayMicros(micros(c.preemptDelay()))
                .garp(garp(c.garp()))
                .lowerPrioNoAdvert(c.lowerPrioNoAdvert())
                .higherPrioSendAdvert(c.higherPrioSendAdvert())
                .downTimerAdverts(c.downTimerAdverts());
        List<InetAddress> vips = new ArrayList<>();
        for (VirtualIpAddress v : c.virtualIpAddresses()) {
            b.virtualAddress(new VirtualAddress(v.address(), v.prefixLength(), v.dev().orElse(null)));
            vips.add(v.address());
        }
        List<InetAddress> peers = new ArrayList<>();
        for (UnicastPeer p : c.unicastPeers()) {
            b.unicastPeer(p.address());
            peers.add(p.address());
        }
        String password = "";
        AuthType auth = AuthType.NONE;
        if (version == 2 && c.authentication().isPresent()) {
            Authentication a = c.authentication().get();
            auth = a.type() == Authentication.Type.AH ? AuthType.AH : AuthType.PASS;
            password = a.password();
            b.auth(auth, org.jkeepalived.vrrp.packet.VrrpAdvert.passwordBytes(password));
        }
        if (!c.dontTrackPrimary()) {
            // keepalived: the instance's own interface going down puts it in FAULT
            b.track(TrackedObject.trackInterface(base, 0));
        }
        addTracking(b, c.tracking(), vrrp, true);
        for (VrrpSyncGroup g : vrrp.syncGroups()) {
            if (g.members().contains(c.name())) {
                // keepalived.conf(5): a sync group's tracked objects count with weight 0 unless
                // sync_group_tracking_weight is set
                addTracking(b, g.tracking(), vrrp, g.syncGroupTrackingWeight());
            }
        }
        InstanceSpec spec = b.build();
        InstanceExpectations expect = new InstanceExpectations(c.name(), version, c.virtualRouterId(), auth, password,
                spec.advertIntervalOnWire(), vips, peers, c.checkUnicastSrc(), false, c.skipCheckAdvAddr());
        Duration gap = c.ipv6() ? c.garp().gnaInterval() : c.garp().garpInterval();
        return new InstancePlan(c, spec, expect, base, vmac, gap.toNanos(),
                DropRule.of(c, global.nftables(), device));
    }

    private static void addTracking(InstanceSpec.Builder b, Tracking t, VrrpConfig vrrp, boolean weights) {
        for (TrackedItem i : t.interfaces()) {
            b.track(new TrackedObject(TrackedObject.Kind.INTERFACE, i.name(), weights ? i.weight().orElse(0) : 0,
                    i.reverse()));
        }
        for (TrackedItem i : t.scripts()) {
            Optional<VrrpScript> s = vrrp.scripts().stream().filter(x -> x.name().equals(i.name())).findFirst();
            int w = i.weight().orElse(s.map(VrrpScript::weight).orElse(0));
            boolean reverse = i.weight().isPresent() ? i.reverse() : s.map(VrrpScript::weightReverse).orElse(false);
            b.track(new TrackedObject(TrackedObject.Kind.SCRIPT, i.name(), weights ? w : 0, reverse));
        }
        for (TrackedItem i : t.files()) {
            Optional<VrrpTrackFile> f = vrrp.trackFiles().stream().filter(x -> x.name().equals(i.name())).findFirst();
            int w = i.weight().orElse(f.map(VrrpTrackFile::weight).orElse(0));
            boolean reverse = i.weight().isPresent() ? i.reverse() : f.map(VrrpTrackFile::weightReverse).orElse(false);
            b.track(new TrackedObject(TrackedObject.Kind.FILE, i.name(), weights ? w : 0, reverse));
        }
    }

    /** advert_int in µs as the wire can carry it: whole seconds for v2, centiseconds for v3. */
    static long advertIntervalMicros(Duration d, int version) {
        long micros = micros(d);
        if (version == 2) {
            return Math.max(1, Math.min(255, (micros + MICROS_PER_SECOND / 2) / MICROS_PER_SECOND)) * MICROS_PER_SECOND;
        }
        return Math.max(1, Math.min(4095, (micros + MICROS_PER_CENTI / 2) / MICROS_PER_CENTI)) * MICROS_PER_CENTI;
    }

    static GarpSettings garp(GarpDefaults g) {
        return new GarpSettings(micros(g.masterDelay()), Math.max(1, g.masterRepeat()), micros(g.masterRefresh()),
                Math.max(1, g.masterRefreshRepeat()), micros(g.effectiveLowerPrioDelay()),
                Math.max(0, g.effectiveLowerPrioRepeat()));
    }

    private static long micros(Duration d) {
        return d.toNanos() / 1_000;
    }
}
