package org.jkeepalived.core.config.global;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.jkeepalived.core.config.ScriptCommand;
import org.jkeepalived.core.config.SourceLocation;

/** The mutable state {@link GlobalDefsReader}'s keyword handlers fill in; starts at keepalived's defaults. */
final class GlobalDefsBuilder {
    String routerId;
    final List<String> emails = new ArrayList<>();
    String emailFrom;
    SmtpServer smtpServer;
    String smtpHeloName;
    Duration smtpConnectTimeout = Notification.DEFAULT_CONNECT_TIMEOUT;
    Boolean smtpAlert;
    Boolean smtpAlertVrrp;
    Boolean smtpAlertChecker;
    boolean noEmailFaults;
    boolean checkerLogAllFailures;

    InetAddress mcastGroup4 = VrrpDefaults.MCAST_GROUP4;
    InetAddress mcastGroup6 = VrrpDefaults.MCAST_GROUP6;
    Duration garpMasterDelay = Duration.ofSeconds(5);
    int garpMasterRepeat = 5;
    Duration garpLowerPrioDelay;
    Integer garpLowerPrioRepeat;
    Duration garpMasterRefresh = Duration.ZERO;
    int garpMasterRefreshRepeat = 1;
    Duration garpInterval = Duration.ZERO;
    Duration gnaInterval = Duration.ZERO;
    boolean minGarp;
    GarpDefaults.GarpExtraIf garpExtraIf;
    int vrrpVersion = 2;
    boolean checkUnicastSrc;
    boolean skipCheckAdvAddr;
    boolean strict;
    boolean lowerPrioNoAdvert;
    boolean higherPrioSendAdvert;
    boolean notifyPriorityChanges;
    int downTimerAdverts = 3;
    Duration startupDelay = Duration.ZERO;
    boolean logUnknownVrids;
    String vmacPrefix = "vrrp";
    String vmacAddrPrefix;
    String nftablesTable;
    int nftablesPriority = Nftables.DEFAULT_PRIORITY;
    boolean nftablesCounters;
    boolean nftablesIfindex;

    final Tuning vrrpProcess = new Tuning();
    final Tuning checkerProcess = new Tuning();
    final Tuning bfdProcess = new Tuning();

    String scriptUser;
    String scriptGroup;
    boolean enableScriptSecurity;
    final Fifo notifyFifo = new Fifo();
    final Fifo vrrpNotifyFifo = new Fifo();
    final Fifo lvsNotifyFifo = new Fifo();
    boolean fifoWriteVrrpStatesOnReload;
    boolean dynamicInterfaces;
    boolean allowIfChanges;
    String defaultInterface;
    LvsSyncDaemon lvsSyncDaemon;
    final Map<String, Duration> lvsTimeouts = new LinkedHashMap<>();
    boolean lvsFlush;
    String lvsFlushOnStop;
    Integer maxAutoPriority;
    Duration minAutoPriorityDelay;
    ScriptCommand startupScript;
    Duration startupScriptTimeout = GlobalDefs.DEFAULT_SCRIPT_TIMEOUT;
    ScriptCommand shutdownScript;
    Duration shutdownScriptTimeout = GlobalDefs.DEFAULT_SCRIPT_TIMEOUT;

    String netNamespace;
    String netNamespaceIpvs;
    boolean namespaceWithIpsets;
    String instance;
    boolean usePidDir;
    boolean linkbeatUsePolling;
    Duration childWaitTime = Duration.ofSeconds(5);

    final Map<String, String> other = new LinkedHashMap<>();
    SourceLocation location;
    boolean metricsEnabled;
    java.net.InetAddress metricsAddress;
    Integer metricsPort;

    /** Per-process scheduling settings while being read. */
    static final class Tuning {
        Integer priority;
        boolean noSwap;
        final List<Integer> cpuAffinity = new ArrayList<>();
        Integer rtPriority;
        Long rlimitRttime;
        String processName;

        ProcessTuning build() {
            return new ProcessTuning(priority == null ? OptionalInt.empty() : OptionalInt.of(priority), noSwap,
                    cpuAffinity, rtPriority == null ? OptionalInt.empty() : OptionalInt.of(rtPriority),
                    rlimitRttime == null ? OptionalLong.empty() : OptionalLong.of(rlimitRttime),
                    Optional.ofNullable(processName));
        }
    }

    /** A notify FIFO and its script while being read (the two keywords may come in any order). */
    static final class Fifo {
        String name;
        String user;
        String group;
        ScriptCommand script;

        Optional<NotifyFifo> build() {
            if (name == null) {
                return Optional.empty();
            }
            return Optional.of(new NotifyFifo(name, Optional.ofNullable(user), Optional.ofNullable(group),
                    Optional.ofNullable(script)));
        }
    }

    GlobalDefs build() {
        Notification notification = new Notification(emails, Optional.ofNullable(emailFrom),
                Optional.ofNullable(smtpServer), Optional.ofNullable(smtpHeloName), smtpConnectTimeout,
                Optional.ofNullable(smtpAlert), Optional.ofNullable(smtpAlertVrrp),
                Optional.ofNullable(smtpAlertChecker), noEmailFaults, checkerLogAllFailures);
        GarpDefaults garp = new GarpDefaults(garpMasterDelay, garpMasterRepeat, Optional.ofNullable(garpLowerPrioDelay),
                Optional.ofNullable(garpLowerPrioRepeat), garpMasterRefresh, garpMasterRefreshRepeat, garpInterval,
                gnaInterval, minGarp, Optional.ofNullable(garpExtraIf));
        VrrpDefaults vrrp = new VrrpDefaults(mcastGroup4, mcastGroup6, garp, vrrpVersion, checkUnicastSrc,
                skipCheckAdvAddr, strict, lowerPrioNoAdvert, higherPrioSendAdvert, notifyPriorityChanges,
                downTimerAdverts, startupDelay, logUnknownVrids, vmacPrefix, Optional.ofNullable(vmacAddrPrefix));
        GlobalDefs.TopLevelSettings top = new GlobalDefs.TopLevelSettings(Optional.ofNullable(netNamespace),
                Optional.ofNullable(netNamespaceIpvs), namespaceWithIpsets, Optional.ofNullable(instance), usePidDir,
                linkbeatUsePolling, childWaitTime);
        return new GlobalDefs(Optional.ofNullable(routerId), notification, vrrp, vrrpProcess.build(),
                checkerProcess.build(), bfdProcess.build(), Optional.ofNullable(scriptUser),
                Optional.ofNullable(scriptGroup), enableScriptSecurity, notifyFifo.build(), vrrpNotifyFifo.build(),
                lvsNotifyFifo.build(), fifoWriteVrrpStatesOnReload, dynamicInterfaces, allowIfChanges,
                Optional.ofNullable(defaultInterface), Optional.ofNullable(lvsSyncDaemon), lvsTimeouts, lvsFlush,
                Optional.ofNullable(lvsFlushOnStop),
                maxAutoPriority == null ? OptionalInt.empty() : OptionalInt.of(maxAutoPriority),
                Optional.ofNullable(minAutoPriorityDelay), Optional.ofNullable(startupScript), startupScriptTimeout,
                Optional.ofNullable(shutdownScript), shutdownScriptTimeout, top, other,
                Optional.ofNullable(location), metricsListen(),
                new Nftables(nftablesTable == null ? Nftables.DEFAULT_TABLE : nftablesTable, nftablesPriority,
                        nftablesCounters, nftablesIfindex));
    }

    private Optional<MetricsListen> metricsListen() {
        if (!metricsEnabled) {
            return Optional.empty();
        }
        return Optional.of(new MetricsListen(metricsAddress != null ? metricsAddress : MetricsListen.loopback(),
                metricsPort != null ? metricsPort : MetricsListen.DEFAULT_PORT));
    }
}
