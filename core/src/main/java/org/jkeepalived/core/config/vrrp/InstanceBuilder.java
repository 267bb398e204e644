package org.jkeepalived.core.config.vrrp;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jkeepalived.core.config.SourceLocation;
import org.jkeepalived.core.config.global.GarpDefaults;
import org.jkeepalived.core.config.ScriptCommand;

/**
 * The mutable state of one vrrp_instance while its keywords are read. Unset settings stay null so
 * that {@link InstanceFinisher} can tell "absent" (inherit the global default) from "set".
 */
final class InstanceBuilder {
    final String name;
    final SourceLocation location;
    VrrpState state;
    SourceLocation stateAt;
    String interfaceName;
    SourceLocation interfaceAt;
    String vrf;
    VrrpInstance.Vmac useVmac;
    boolean useVmacAddr;
    boolean vmacXmitBase;
    String useIpvlan;
    Boolean ipv6;
    boolean dontTrackPrimary;
    List<TrackedItem> trackInterfaces = new ArrayList<>();
    List<TrackedItem> trackScripts = new ArrayList<>();
    List<TrackedItem> trackFiles = new ArrayList<>();
    List<TrackedItem> trackProcesses = new ArrayList<>();
    List<TrackedItem> trackBfds = new ArrayList<>();
    InetAddress sourceAddress;
    InetAddress mcastDstIp;
    boolean trackSrcIp;
    Integer version;
    Boolean checkUnicastSrc;
    final List<UnicastPeer> unicastPeers = new ArrayList<>();
    boolean unicastPeerBlock;
    boolean unicastFaultNoPeer;
    Integer unicastTtl;
    String oldUnicastChecksum;
    Duration garpMasterDelay;
    Integer garpMasterRepeat;
    Duration garpLowerPrioDelay;
    Integer garpLowerPrioRepeat;
    Duration garpMasterRefresh;
    Integer garpMasterRefreshRepeat;
    GarpDefaults.GarpExtraIf garpExtraIf;
    boolean garpExtraIfOff;
    Integer downTimerAdverts;
    Boolean lowerPrioNoAdvert;
    Boolean higherPrioSendAdvert;
    Integer virtualRouterId;
    int priority = VrrpInstance.DEFAULT_PRIORITY;
    Duration advertInterval = VrrpInstance.DEFAULT_ADVERT_INTERVAL;
    SourceLocation advertIntAt;
    Authentication authentication;
    final List<VirtualIpAddress> vips = new ArrayList<>();
    final List<VirtualIpAddress> excludedVips = new ArrayList<>();
    boolean promoteSecondaries;
    final List<VirtualRoute> routes = new ArrayList<>();
    final List<VirtualRule> rules = new ArrayList<>();
    Boolean accept;
    boolean nopreempt;
    SourceLocation nopreemptAt;
    Duration preemptDelay = Duration.ZERO;
    Boolean skipCheckAdvAddr;
    Boolean strictMode;
    int debug;
    ScriptCommand notifyMaster;
    ScriptCommand notifyBackup;
    ScriptCommand notifyFault;
    ScriptCommand notifyStop;
    boolean notifyDeleted;
    ScriptCommand notifyDeletedScript;
    ScriptCommand notify;
    ScriptCommand notifyMasterRxLowerPri;
    Boolean notifyPriorityChanges;
    Boolean smtpAlert;
    Long kernelRxBufSize;
    boolean linkbeatUsePolling;
    String lvsSyncDaemonInterface;
    /** Shared by every rule of the configuration, so default preferences follow file order. */
    RuleParser.DefaultPreferences rulePreferences = new RuleParser.DefaultPreferences();

    /** Where each keyword of the block was last written, for messages about settings keepalived resets. */
    final java.util.Map<String, SourceLocation> written = new java.util.HashMap<>();

    InstanceBuilder(String name, SourceLocation location) {
        this.name = name;
        this.location = location;
    }

    /** Where {@code keyword} was written in the block, else where the block starts. */
    SourceLocation at(String keyword) {
        return written.getOrDefault(keyword, location);
    }

    /** "(NAME) ", the prefix keepalived puts on every instance message. */
    String tag() {
        return "(" + name + ") ";
    }
}
