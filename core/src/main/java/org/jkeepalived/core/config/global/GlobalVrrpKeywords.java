package org.jkeepalived.core.config.global;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.time.Duration;
import org.jkeepalived.core.config.Arguments;
import org.jkeepalived.core.config.ConfigNode;
import org.jkeepalived.core.config.Diagnostics;
import org.jkeepalived.core.config.KeywordTable;

/** The global_defs keywords that set defaults for every vrrp_instance ({@code vrrp_*}). */
final class GlobalVrrpKeywords {
    /** keepalived keeps GARP delays as whole seconds in an unsigned microsecond count. */
    private static final int MAX_GARP_SECONDS = 4294;

    private GlobalVrrpKeywords() {
    }

    static void register(KeywordTable<GlobalDefsBuilder> t) {
        t.on("vrrp_mcast_group4", (b, n, d) -> Arguments.address(n, 0, d).ifPresent(a -> {
            if (a instanceof Inet4Address && a.isMulticastAddress()) {
                b.mcastGroup4 = a;
            } else {
                d.error(n, "'" + n.arg(0) + "' is not an IPv4 multicast address - ignoring");
            }
        }));
        t.on("vrrp_mcast_group6", (b, n, d) -> Arguments.address(n, 0, d).ifPresent(a -> {
            if (a instanceof Inet6Address && a.isMulticastAddress()) {
                b.mcastGroup6 = a;
            } else {
                d.error(n, "'" + n.arg(0) + "' is not an IPv6 multicast address - ignoring");
            }
        }));
        t.on("vrrp_garp_master_delay", (b, n, d) -> GlobalDefsReader.wholeSeconds(n, 0, 0, MAX_GARP_SECONDS, d)
                .ifPresent(v -> b.garpMasterDelay = v));
        t.on("vrrp_garp_master_repeat", (b, n, d) -> GlobalDefsReader.repeat(n, d)
                .ifPresent(v -> b.garpMasterRepeat = v));
        t.on("vrrp_garp_lower_prio_delay", (b, n, d) -> GlobalDefsReader.wholeSeconds(n, 0, 0, MAX_GARP_SECONDS, d)
                .ifPresent(v -> b.garpLowerPrioDelay = v));
        t.on("vrrp_garp_lower_prio_repeat", (b, n, d) -> Arguments.integer(n, 0, 0, Integer.MAX_VALUE, d)
                .ifPresent(v -> b.garpLowerPrioRepeat = v));
        t.on("vrrp_garp_master_refresh", (b, n, d) -> GlobalDefsReader.wholeSeconds(n, 0, 0, MAX_GARP_SECONDS, d)
                .ifPresent(v -> b.garpMasterRefresh = v));
        t.on("vrrp_garp_master_refresh_repeat", (b, n, d) -> GlobalDefsReader.repeat(n, d)
                .ifPresent(v -> b.garpMasterRefreshRepeat = v));
        t.on("vrrp_garp_interval", (b, n, d) -> Arguments.seconds(n, Duration.ZERO, Duration.ofSeconds(MAX_GARP_SECONDS), d)
                .ifPresent(v -> b.garpInterval = v));
        t.on("vrrp_gna_interval", (b, n, d) -> Arguments.seconds(n, Duration.ZERO, Duration.ofSeconds(MAX_GARP_SECONDS), d)
                .ifPresent(v -> b.gnaInterval = v));
        t.on("vrrp_min_garp", (b, n, d) -> Arguments.bool(n, d).ifPresent(v -> {
            b.minGarp = v;
            if (v) {
                // keepalived: one GARP/NA at a time and no second block after becoming master
                b.garpMasterRepeat = 1;
                b.garpMasterDelay = Duration.ZERO;
            }
        }));
        t.on("vrrp_garp_extra_if", (b, n, d) -> garpExtraIf(n, d).ifPresent(v -> b.garpExtraIf = v));
        t.alias("vrrp_vmac_garp_intvl", "vrrp_garp_extra_if");
        t.on("vrrp_version", (b, n, d) -> Arguments.integer(n, 2, 3, d).ifPresent(v -> b.vrrpVersion = v));
        t.on("vrrp_check_unicast_src", (b, n) -> b.checkUnicastSrc = true);
        t.on("vrrp_skip_check_adv_addr", (b, n) -> b.skipCheckAdvAddr = true);
        t.on("vrrp_strict", (b, n) -> b.strict = true);
        t.on("vrrp_lower_prio_no_advert", (b, n, d) -> Arguments.bool(n, d).ifPresent(v -> b.lowerPrioNoAdvert = v));
        t.on("vrrp_higher_prio_send_advert", (b, n, d) -> Arguments.bool(n, d)
                .ifPresent(v -> b.higherPrioSendAdvert = v));
        t.on("vrrp_notify_priority_changes", (b, n, d) -> Arguments.bool(n, d)
                .ifPresent(v -> b.notifyPriorityChanges = v));
        t.on("vrrp_down_timer_adverts", (b, n, d) -> Arguments.integer(n, 1, 100, d)
                .ifPresent(v -> b.downTimerAdverts = v));
        t.on("vrrp_startup_delay", (b, n, d) -> Arguments.seconds(n, Duration.ofMillis(1),
                Duration.ofNanos(4_294_967_295_000L), d).ifPresent(v -> b.startupDelay = v));
        t.on("log_unknown_vrids", (b, n) -> b.logUnknownVrids = true);
        t.on("vmac_prefix", (b, n, d) -> Arguments.string(n, 0, "prefix", d).ifPresent(v -> b.vmacPrefix = v));
        t.on("vmac_addr_prefix", (b, n, d) -> Arguments.string(n, 0, "prefix", d)
                .ifPresent(v -> b.vmacAddrPrefix = v));
    }

    /** {@code [all] SECS} with SECS 1..86400 (0 in an instance disables, handled by the caller). */
    static java.util.Optional<GarpDefaults.GarpExtraIf> garpExtraIf(ConfigNode n, Diagnostics d) {
        boolean all = "all".equals(n.arg(0));
        var secs = Arguments.integer(n, all ? 1 : 0, 1, 86400, d);
        if (secs.isEmpty()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new GarpDefaults.GarpExtraIf(all, Duration.ofSeconds(secs.getAsInt())));
    }
}
