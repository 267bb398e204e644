package org.jkeepalived.core.config.global;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jkeepalived.core.config.Arguments;
import org.jkeepalived.core.config.ConfigNode;
import org.jkeepalived.core.config.Diagnostics;
import org.jkeepalived.core.config.KeywordTable;

/**
 * Reads {@code global_defs} (and the global statements keepalived takes at the top level) into
 * {@link GlobalDefs}, with keepalived 2.2.7's keywords, ranges and defaults. A bad value is an error
 * and keeps the default, as keepalived ignores it; a value keepalived replaces (clamps, rounds) is a
 * warning naming the value used.
 */
public final class GlobalDefsReader {
    /** The top-level keywords this reader consumes. */
    public static final Set<String> TOP_LEVEL_KEYWORDS = Set.of("global_defs", "net_namespace", "net_namespace_ipvs",
            "namespace_with_ipsets", "instance", "use_pid_dir", "linkbeat_use_polling", "child_wait_time");

    /**
     * Settings jkeepalived keeps as text: keepalived accepts them, and nothing here acts on them yet.
     * Listing them makes them known keywords rather than "unknown keyword" warnings.
     */
    private static final List<String> KEPT_AS_TEXT = List.of("tmp_config_directory", "config_save_dir",
            "lvs_process_name", "snmp_socket", "enable_snmp_vrrp", "enable_snmp_checker",
            "enable_snmp_rfc", "enable_snmp_rfcv2", "enable_snmp_rfcv3", "enable_snmp_keepalived", "enable_traps",
            "enable_dbus", "dbus_service_name", "nftables_ipvs", "nftables_ipvs_priority", "nftables_ipvs_start_fwmark",
            "disable_local_igmp", "vrrp_netlink_cmd_rcv_bufs",
            "vrrp_netlink_cmd_rcv_bufs_force", "vrrp_netlink_monitor_rcv_bufs", "vrrp_netlink_monitor_rcv_bufs_force",
            "lvs_netlink_cmd_rcv_bufs", "lvs_netlink_cmd_rcv_bufs_force", "lvs_netlink_monitor_rcv_bufs",
            "lvs_netlink_monitor_rcv_bufs_force", "process_monitor_rcv_bufs", "process_monitor_rcv_bufs_force",
            "vrrp_rx_bufs_policy", "vrrp_rx_bufs_multiplier", "rs_init_notifies", "no_checker_emails", "umask",
            "random_seed", "reload_check_config", "include_check", "reload_time_file", "reload_repeat",
            "reload_file", "data_use_instance");

    private static final KeywordTable<GlobalDefsBuilder> TABLE = table();

    private GlobalDefsReader() {
    }

    /** Reads the global settings of a whole file; without global_defs every field has its default. */
    public static GlobalDefs read(List<ConfigNode> topLevel, Diagnostics d) {
        GlobalDefsBuilder b = new GlobalDefsBuilder();
        for (ConfigNode n : topLevel) {
            switch (n.keyword()) {
                case "global_defs" -> {
                    if (b.location == null) {
                        b.location = n.location();
                    }
                    TABLE.apply(b, n.children(), d);
                }
                case "net_namespace" -> b.netNamespace = name(n, d, "net_namespace name missing - ignoring");
                case "net_namespace_ipvs" -> b.netNamespaceIpvs = n.args().isEmpty() ? "" : n.arg(0);
                case "namespace_with_ipsets" -> b.namespaceWithIpsets = true;
                case "instance" -> b.instance = name(n, d, "instance name missing - ignoring");
                case "use_pid_dir" -> b.usePidDir = true;
                case "linkbeat_use_polling" -> b.linkbeatUsePolling = true;
                case "child_wait_time" -> Arguments.integer(n, 1, Integer.MAX_VALUE, d)
                        .ifPresent(s -> b.childWaitTime = Duration.ofSeconds(s));
                default -> {
                    // owned by another reader
                }
            }
        }
        return b.build();
    }

    private static String name(ConfigNode n, Diagnostics d, String missing) {
        if (n.args().isEmpty()) {
            d.error(n, missing);
            return null;
        }
        return n.arg(0);
    }

    private static KeywordTable<GlobalDefsBuilder> table() {
        KeywordTable<GlobalDefsBuilder> t = new KeywordTable<>("global_defs");
        GlobalNotificationKeywords.register(t);
        GlobalVrrpKeywords.register(t);
        GlobalFirewallKeywords.register(t);
        GlobalProcessKeywords.register(t);
        MetricsKeywords.register(t);
        for (String k : KEPT_AS_TEXT) {
            t.on(k, (b, n) -> b.other.put(n.keyword(), n.joinedArgs()));
        }
        return t;
    }

    /** Seconds as a whole number within [min, max]. */
    static java.util.Optional<Duration> wholeSeconds(ConfigNode n, int index, long min, long max, Diagnostics d) {
        var v = Arguments.integer(n, index, min, max, d);
        return v.isPresent() ? java.util.Optional.of(Duration.ofSeconds(v.getAsInt())) : java.util.Optional.empty();
    }

    /** A repeat count keepalived raises to 1 when given 0, with a warning. */
    static java.util.OptionalInt repeat(ConfigNode n, Diagnostics d) {
        var v = Arguments.integer(n, 0, 0, Integer.MAX_VALUE, d);
        if (v.isPresent() && v.getAsInt() == 0) {
            d.warning(n, "must be greater than 0, using 1");
            return java.util.OptionalInt.of(1);
        }
        return v;
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
