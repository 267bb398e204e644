package org.jkeepalived.core.config.global;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.jkeepalived.core.config.ScriptCommand;
import org.jkeepalived.core.config.SourceLocation;

/**
 * The {@code global_defs} block of keepalived.conf, plus the few global statements keepalived takes at
 * the top level ({@code net_namespace}, {@code instance}, {@code use_pid_dir}, ...). Every field has
 * keepalived 2.2.7's default when the keyword is absent; {@link #DEFAULT} is the config without
 * global_defs.
 *
 * <p>Settings that jkeepalived does not act on (SNMP, DBus, nftables_ipvs, netlink buffer sizes, reload
 * files, ...) are kept as written in {@link #otherSettings} (keyword to joined arguments) so a dump
 * or a later feature loses nothing.
 *
 * @param routerId          {@code router_id}; absent means the local host name
 * @param defaultInterface  {@code default_interface} for static addresses (keepalived: eth0)
 * @param maxAutoPriority   {@code max_auto_priority} (-1..99; absent = 0, no automatic increase)
 * @param lvsTimeouts       {@code lvs_timeouts}: "tcp", "tcpfin", "udp" to the timeout
 * @param lvsFlushOnStop    {@code lvs_flush_on_stop}: absent = off, "" = on, "VS" = per virtual server
 * @param location          where the global_defs block starts, absent without one
 * @param metricsListen     jkeepalived's {@code metrics_listen}: where the metrics/status endpoint listens, absent
 *                          when it is off (the default)
 * @param nftables          {@code nftables}, {@code nftables_priority}, {@code nftables_counters},
 *                          {@code nftables_ifindex} (and {@code vrrp_iptables}, read as nftables)
 */
public record GlobalDefs(Optional<String> routerId, Notification notification, VrrpDefaults vrrp,
                         ProcessTuning vrrpProcess, ProcessTuning checkerProcess, ProcessTuning bfdProcess,
                         Optional<String> scriptUser, Optional<String> scriptGroup, boolean enableScriptSecurity,
                         Optional<NotifyFifo> notifyFifo, Optional<NotifyFifo> vrrpNotifyFifo,
                         Optional<NotifyFifo> lvsNotifyFifo, boolean fifoWriteVrrpStatesOnReload,
                         boolean dynamicInterfaces, boolean allowIfChanges, Optional<String> defaultInterface,
                         Optional<LvsSyncDaemon> lvsSyncDaemon, Map<String, Duration> lvsTimeouts, boolean lvsFlush,
                         Optional<String> lvsFlushOnStop, OptionalInt maxAutoPriority,
                         Optional<Duration> minAutoPriorityDelay, Optional<ScriptCommand> startupScript,
                         Duration startupScriptTimeout, Optional<ScriptCommand> shutdownScript,
                         Duration shutdownScriptTimeout, TopLevelSettings topLevel,
                         Map<String, String> otherSettings, Optional<SourceLocation> location,
                         Optional<MetricsListen> metricsListen, Nftables nftables) {
    public static final Duration DEFAULT_SCRIPT_TIMEOUT = Duration.ofSeconds(10);
    public static final GlobalDefs DEFAULT = new GlobalDefsBuilder().build();

    public GlobalDefs {
        lvsTimeouts = Map.copyOf(lvsTimeouts);
        otherSettings = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(otherSettings));
    }

    /**
     * The global statements keepalived reads outside global_defs. {@code child_wait_time} defaults
     * to 5 s.
     */
    public record TopLevelSettings(Optional<String> netNamespace, Optional<String> netNamespaceIpvs,
                                   boolean namespaceWithIpsets, Optional<String> instance, boolean usePidDir,
                                   boolean linkbeatUsePolling, Duration childWaitTime) {
        public static final TopLevelSettings DEFAULT = new TopLevelSettings(Optional.empty(), Optional.empty(),
                false, Optional.empty(), false, false, Duration.ofSeconds(5));
    }
}
