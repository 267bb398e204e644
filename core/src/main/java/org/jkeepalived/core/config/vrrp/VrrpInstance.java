package org.jkeepalived.core.config.vrrp;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.jkeepalived.core.config.SourceLocation;
import org.jkeepalived.core.config.global.GarpDefaults;

/**
 * A {@code vrrp_instance} block with every inherited default already applied: version from
 * {@code vrrp_version} (IPv6 instances always 3), GARP settings, strict mode, advert policies and
 * skip/check switches from global_defs.
 *
 * <p>Defaults (keepalived 2.2.7): state BACKUP, priority 100, advert_int 1 s, preempt on, preempt
 * delay 0, accept on unless strict mode (then only for priority 255), down_timer_adverts 3.
 *
 * @param ipv6            the instance's address family, decided by its first VIP or unicast peer
 *                        (or {@code native_ipv6})
 * @param sourceAddress   {@code mcast_src_ip} / {@code unicast_src_ip} (one setting in keepalived)
 * @param useVmac         {@code use_vmac [name] [mac]}: present when a VMAC is used
 * @param useIpvlan       {@code use_ipvlan} arguments as written
 * @param kernelRxBufSize {@code kernel_rx_buf_size} bytes
 */
public record VrrpInstance(String name, VrrpState initialState, Optional<String> interfaceName, Optional<String> vrf,
                           Optional<Vmac> useVmac, boolean useVmacAddr, boolean vmacXmitBase,
                           Optional<String> useIpvlan, boolean ipv6, boolean dontTrackPrimary, Tracking tracking,
                           Optional<InetAddress> sourceAddress, Optional<InetAddress> mcastDstIp, boolean trackSrcIp,
                           int version, boolean checkUnicastSrc, List<UnicastPeer> unicastPeers,
                           boolean unicastFaultNoPeer, OptionalInt unicastTtl, Optional<String> oldUnicastChecksum,
                           GarpDefaults garp, int downTimerAdverts, boolean lowerPrioNoAdvert,
                           boolean higherPrioSendAdvert, int virtualRouterId, int priority, Duration advertInterval,
                           Optional<Authentication> authentication, List<VirtualIpAddress> virtualIpAddresses,
                           List<VirtualIpAddress> excludedIpAddresses, boolean promoteSecondaries,
                           List<VirtualRoute> virtualRoutes, List<VirtualRule> virtualRules, boolean accept,
                           boolean preempt, Duration preemptDelay, boolean skipCheckAdvAddr, boolean strictMode,
                           int debug, NotifyScripts notifyScripts, boolean notifyPriorityChanges,
                           Optional<Boolean> smtpAlert, OptionalLong kernelRxBufSize, boolean linkbeatUsePolling,
                           Optional<String> lvsSyncDaemonInterface, SourceLocation location) {
    public static final int DEFAULT_PRIORITY = 100;
    public static final Duration DEFAULT_ADVERT_INTERVAL = Duration.ofSeconds(1);

    public VrrpInstance {
        unicastPeers = List.copyOf(unicastPeers);
        virtualIpAddresses = List.copyOf(virtualIpAddresses);
        excludedIpAddresses = List.copyOf(excludedIpAddresses);
        virtualRoutes = List.copyOf(virtualRoutes);
        virtualRules = List.copyOf(virtualRules);
    }

    /** The instance is an address owner (priority 255): it never lowers its priority and masters at once. */
    public boolean addressOwner() {
        return priority == 255;
    }

    /** {@code use_vmac [<name>] [<mac>]}: an optional interface name and an optional (5- or 6-octet) MAC. */
    public record Vmac(Optional<String> name, Optional<String> mac) {
    }
}
