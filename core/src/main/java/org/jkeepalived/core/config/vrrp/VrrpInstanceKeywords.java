package org.jkeepalived.core.config.vrrp;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import org.jkeepalived.core.config.Arguments;
import org.jkeepalived.core.config.ConfigNode;
import org.jkeepalived.core.config.Diagnostics;
import org.jkeepalived.core.config.KeywordTable;
import org.jkeepalived.core.config.global.GarpDefaults;
import org.jkeepalived.core.config.ScriptCommand;

/** The keywords of a vrrp_instance block and how each one sets the {@link InstanceBuilder}. */
final class VrrpInstanceKeywords {
    static final KeywordTable<InstanceBuilder> TABLE = table();
    private static final int MAX_GARP_SECONDS = 4294;

    private VrrpInstanceKeywords() {
    }

    private static KeywordTable<InstanceBuilder> table() {
        KeywordTable<InstanceBuilder> t = new KeywordTable<>("vrrp_instance");
        t.on("state", VrrpInstanceKeywords::state);
        t.on("interface", (b, n, d) -> Arguments.string(n, 0, "interface name", d).ifPresent(v -> {
            b.interfaceName = v;
            b.interfaceAt = n.location();
        }));
        t.on("vrf", (b, n, d) -> Arguments.string(n, 0, "VRF interface", d).ifPresent(v -> b.vrf = v));
        t.on("use_vmac", (b, n) -> {
            String name = null;
            String mac = null;
            for (String a : n.args()) {
                if (a.matches("(?i)([0-9a-f]{1,2}:){4,5}[0-9a-f]{1,2}")) {
                    mac = a;
                } else {
                    name = a;
                }
            }
            b.useVmac = new VrrpInstance.Vmac(Optional.ofNullable(name), Optional.ofNullable(mac));
        });
        t.on("use_vmac_addr", (b, n) -> b.useVmacAddr = true);
        t.on("vmac_xmit_base", (b, n) -> b.vmacXmitBase = true);
        t.on("use_ipvlan", (b, n) -> b.useIpvlan = n.joinedArgs());
        t.on("native_ipv6", (b, n) -> {
            if (b.ipv6 == null) {
                b.ipv6 = true;
            }
        });
        t.on("dont_track_primary", (b, n) -> b.dontTrackPrimary = true);
        t.on("track_interface", (b, n, d) -> b.trackInterfaces = TrackBlockParser.parse(n, b.name, 253, d));
        t.on("track_script", (b, n, d) -> b.trackScripts = TrackBlockParser.parse(n, b.name, 253, d));
        t.on("track_file", (b, n, d) -> b.trackFiles = TrackBlockParser.parse(n, b.name, 254, d));
        t.on("track_process", (b, n, d) -> b.trackProcesses = TrackBlockParser.parse(n, b.name, 254, d));
        t.on("track_bfd", (b, n, d) -> b.trackBfds = TrackBlockParser.parse(n, b.name, 253, d));
        t.on("mcast_src_ip", (b, n, d) -> Arguments.address(n, 0, d).ifPresent(a -> b.sourceAddress = a));
        t.alias("unicast_src_ip", "mcast_src_ip");
        t.on("mcast_dst_ip", (b, n, d) -> Arguments.address(n, 0, d).ifPresent(a -> {
            if (a.isMulticastAddress()) {
                b.mcastDstIp = a;
            } else {
                d.error(n, b.tag() + "'" + n.arg(0) + "' is not a multicast address - ignoring");
            }
        }));
        t.on("track_src_ip", (b, n) -> b.trackSrcIp = true);
        t.on("version", (b, n, d) -> Arguments.integer(n, 2, 3, d).ifPresent(v -> b.version = v));
        t.on("check_unicast_src", (b, n) -> b.checkUnicastSrc = true);
        t.on("unicast_peer", VrrpInstanceKeywords::unicastPeers);
        t.on("unicast_fault_no_peer", (b, n) -> b.unicastFaultNoPeer = true);
        t.on("unicast_ttl", (b, n, d) -> Arguments.integer(n, 0, 255, d).ifPresent(v -> b.unicastTtl = v));
        t.on("old_unicast_checksum", (b, n, d) -> {
            String v = n.arg(0);
            if (v == null || v.equals("never")) {
                b.oldUnicastChecksum = v == null ? "" : v;
            } else {
                d.warning(n, b.tag() + "unknown old_unicast_checksum mode " + v + " - ignoring");
            }
        });
        t.on("garp_master_delay", (b, n, d) -> seconds(n, d).ifPresent(v -> b.garpMasterDelay = v));
        t.on("garp_master_repeat", (b, n, d) -> repeat(n, d).ifPresent(v -> b.garpMasterRepeat = v));
        t.on("garp_lower_prio_delay", (b, n, d) -> seconds(n, d).ifPresent(v -> b.garpLowerPrioDelay = v));
        t.on("garp_lower_prio_repeat", (b, n, d) -> Arguments.integer(n, 0, Integer.MAX_VALUE, d)
                .ifPresent(v -> b.garpLowerPrioRepeat = v));
        t.on("garp_master_refresh", (b, n, d) -> seconds(n, d).ifPresent(v -> b.garpMasterRefresh = v));
        t.on("garp_master_refresh_repeat", (b, n, d) -> repeat(n, d).ifPresent(v -> b.garpMasterRefreshRepeat = v));
        t.on("garp_extra_if", VrrpInstanceKeywords::garpExtraIf);
        t.alias("vmac_garp_intvl", "garp_extra_if");
        t.on("down_timer_adverts", (b, n, d) -> Arguments.integer(n, 1, 100, d).ifPresent(v -> b.downTimerAdverts = v));
        t.on("lower_prio_no_advert", (b, n, d) -> Arguments.bool(n, d).ifPresent(v -> b.lowerPrioNoAdvert = v));
        t.on("higher_prio_send_advert", (b, n, d) -> Arguments.bool(n, d).ifPresent(v -> b.higherPrioSendAdvert = v));
        t.on("virtual_router_id", (b, n, d) -> {
            var v = Arguments.integer(n, 1, 255, d);
            if (v.isPresent()) {
                b.virtualRouterId = v.getAsInt();
            }
        });
        t.on("priority", VrrpInstanceKeywords::priority);
        t.on("advert_int", (b, n, d) -> Arguments.seconds(n, Duration.ofMillis(10), Duration.ofSeconds(255), d)
                .ifPresent(v -> {
                    b.advertInterval = v;
                    b.advertIntAt = n.location();
                }));
        t.on("authentication", VrrpInstanceKeywords::authentication);
        t.on("virtual_ipaddress", VrrpInstanceKeywords::virtualIpAddresses);
        t.on("virtual_ipaddress_excluded", (b, n, d) -> b.excludedVips.addAll(IpAddressParser.parseBlock(n, d)));
        t.on("promote_secondaries", (b, n) -> b.promoteSecondaries = true);
        t.on("virtual_routes", (b, n, d) -> b.routes.addAll(RouteParser.parseBlock(n, true, d)));
        t.on("virtual_rules", (b, n, d) -> b.rules.addAll(RuleParser.parseBlock(n, b.rulePreferences, d)));
        t.on("accept", (b, n) -> b.accept = true);
        t.on("no_accept", (b, n) -> b.accept = false);
        t.on("nopreempt", (b, n) -> {
            b.nopreempt = true;
            b.nopreemptAt = n.location();
        });
        t.on("preempt", (b, n) -> b.nopreempt = false);
        t.on("preempt_delay", (b, n, d) -> Arguments.seconds(n, Duration.ZERO, Duration.ofSeconds(1000), d)
                .ifPresent(v -> b.preemptDelay = v));
        t.on("skip_check_adv_addr", (b, n, d) -> Arguments.bool(n, d).ifPresent(v -> b.skipCheckAdvAddr = v));
        t.on("strict_mode", (b, n, d) -> Arguments.bool(n, d).ifPresent(v -> b.strictMode = v));
        t.on("debug", (b, n, d) -> {
            if (n.args().isEmpty()) {
                b.debug = 0;
            } else {
                Arguments.integer(n, 0, 4, d).ifPresent(v -> b.debug = v);
            }
        });
        t.on("notify_master", (b, n, d) -> ScriptCommand.parse(n, 0, d).ifPresent(s -> b.notifyMaster = s));
        t.on("notify_backup", (b, n, d) -> ScriptCommand.parse(n, 0, d).ifPresent(s -> b.notifyBackup = s));
        t.on("notify_fault", (b, n, d) -> ScriptCommand.parse(n, 0, d).ifPresent(s -> b.notifyFault = s));
        t.on("notify_stop", (b, n, d) -> ScriptCommand.parse(n, 0, d).ifPresent(s -> b.notifyStop = s));
        t.on("notify_deleted", (b, n, d) -> {
            b.notifyDeleted = true;
            if (!n.args().isEmpty()) {
                ScriptCommand.parse(n, 0, d).ifPresent(s -> b.notifyDeletedScript = s);
            }
        });
        t.on("notify", (b, n, d) -> ScriptCommand.parse(n, 0, d).ifPresent(s -> b.notify = s));
        t.on("notify_master_rx_lower_pri", (b, n, d) -> ScriptCommand.parse(n, 0, d)
                .ifPresent(s -> b.notifyMasterRxLowerPri = s));
        t.on("notify_priority_changes", (b, n, d) -> Arguments.bool(n, d).ifPresent(v -> b.notifyPriorityChanges = v));
        t.on("smtp_alert", (b, n, d) -> Arguments.bool(n, d).ifPresent(v -> b.smtpAlert = v));
        t.on("kernel_rx_buf_size", (b, n, d) -> Arguments.integer(n, 0, Integer.MAX_VALUE, d)
                .ifPresent(v -> b.kernelRxBufSize = (long) v));
        t.on("linkbeat_use_polling", (b, n, d) -> {
            b.linkbeatUsePolling = true;
            d.warning(n, b.tag() + "'linkbeat_use_polling' in vrrp instance deprecated - use linkbeat_interfaces block");
        });
        t.on("lvs_sync_daemon_interface", (b, n, d) -> {
            b.lvsSyncDaemonInterface = n.arg(0);
            d.warning(n, b.tag() + "lvs_sync_daemon_interface in a vrrp_instance is deprecated; "
                    + "use global lvs_sync_daemon");
        });
        return t;
    }

    private static void state(InstanceBuilder b, ConfigNode n, Diagnostics d) {
        String v = n.arg(0) == null ? "" : n.arg(0).toUpperCase(Locale.ROOT);
        b.stateAt = n.location();
        switch (v) {
            case "MASTER" -> b.state = VrrpState.MASTER;
            case "BACKUP" -> b.state = VrrpState.BACKUP;
            default -> {
                d.warning(n, b.tag() + "unknown state '" + n.arg(0) + "', using BACKUP");
                b.state = VrrpState.BACKUP;
            }
        }
    }

    private static void priority(InstanceBuilder b, ConfigNode n, Diagnostics d) {
        Integer v = null;
        try {
            v = n.arg(0) == null ? null : Integer.valueOf(n.arg(0));
        } catch (NumberFormatException e) {
            v = null;
        }
        if (v == null || v < 1 || v > 255) {
            d.warning(n, b.tag() + "priority '" + n.arg(0) + "' not valid, must be between 1 and 255 - using "
                    + VrrpInstance.DEFAULT_PRIORITY);
            b.priority = VrrpInstance.DEFAULT_PRIORITY;
            return;
        }
        b.priority = v;
    }

    private static void authentication(InstanceBuilder b, ConfigNode n, Diagnostics d) {
        Authentication.Type type = null;
        String pass = null;
        for (ConfigNode c : n.children()) {
            switch (c.keyword()) {
                case "auth_type" -> {
                    String v = c.arg(0) == null ? "" : c.arg(0);
                    if (v.equals("PASS") || v.equals("AH")) {
                        type = Authentication.Type.valueOf(v);
                    } else {
                        d.error(c, b.tag() + "unknown authentication type '" + v + "'");
                    }
                }
                case "auth_pass" -> {
                    pass = c.arg(0);
                    if (pass == null) {
                        d.error(c, b.tag() + "missing password");
                    } else if (pass.length() > 8) {
                        d.warning(c, "auth_pass longer than 8 characters - using '" + pass.substring(0, 8) + "'");
                        pass = pass.substring(0, 8);
                    }
                }
                default -> d.warning(c, "unknown keyword in authentication, ignored");
            }
        }
        if (type != null) {
            b.authentication = new Authentication(type, pass == null ? "" : pass, n.location());
        }
    }

    private static void virtualIpAddresses(InstanceBuilder b, ConfigNode n, Diagnostics d) {
        for (VirtualIpAddress a : IpAddressParser.parseBlock(n, d)) {
            if (b.ipv6 == null) {
                b.ipv6 = a.isIpv6();
            }
            if (a.isIpv6() != b.ipv6) {
                d.warning(a.location(), n.keyword(), b.tag() + "address family must match VRRP instance ["
                        + a.cidr() + "] - ignoring");
                continue;
            }
            b.vips.add(a);
        }
    }

    private static void unicastPeers(InstanceBuilder b, ConfigNode n, Diagnostics d) {
        b.unicastPeerBlock = true;
        for (ConfigNode line : n.children()) {
            Optional<InetAddress> a = Arguments.parseAddress(line.keyword());
            if (a.isEmpty()) {
                d.error(line, b.tag() + "invalid unicast peer address - ignoring");
                continue;
            }
            boolean v6 = a.get() instanceof Inet6Address;
            if (b.ipv6 == null) {
                b.ipv6 = v6;
            }
            if (v6 != b.ipv6) {
                d.error(line, b.tag() + "unicast peer " + line.keyword()
                        + " must be of the same address family as the instance - ignoring");
                continue;
            }
            OptionalInt min = OptionalInt.empty();
            OptionalInt max = OptionalInt.empty();
            for (int i = 0; i < line.args().size(); i++) {
                switch (line.arg(i)) {
                    case "min_ttl" -> min = Arguments.integer(line, ++i, 0, 255, d);
                    case "max_ttl" -> max = Arguments.integer(line, ++i, 0, 255, d);
                    default -> d.warning(line, "unknown option '" + line.arg(i) + "' for unicast peer - ignoring");
                }
            }
            b.unicastPeers.add(new UnicastPeer(a.get(), min, max, line.location()));
        }
    }

    private static void garpExtraIf(InstanceBuilder b, ConfigNode n, Diagnostics d) {
        boolean all = "all".equals(n.arg(0));
        var secs = Arguments.integer(n, all ? 1 : 0, 0, 86400, d);
        if (secs.isPresent()) {
            if (secs.getAsInt() == 0) {
                b.garpExtraIfOff = true;
            } else {
                b.garpExtraIf = new GarpDefaults.GarpExtraIf(all, Duration.ofSeconds(secs.getAsInt()));
            }
        }
    }

    private static Optional<Duration> seconds(ConfigNode n, Diagnostics d) {
        var v = Arguments.integer(n, 0, 0, MAX_GARP_SECONDS, d);
        return v.isPresent() ? Optional.of(Duration.ofSeconds(v.getAsInt())) : Optional.empty();
    }

    private static OptionalInt repeat(ConfigNode n, Diagnostics d) {
        var v = Arguments.integer(n, 0, 0, Integer.MAX_VALUE, d);
        if (v.isPresent() && v.getAsInt() == 0) {
            d.warning(n, "must be greater than 0, using 1");
            return OptionalInt.of(1);
        }
        return v;
    }
}
