package org.jkeepalived.core.config.global;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Optional;

/**
 * The global_defs settings every vrrp_instance inherits: multicast groups (224.0.0.18, ff02::12),
 * GARP defaults, {@code vrrp_version} (2; IPv6 instances always use 3), the check/skip switches,
 * {@code vrrp_strict}, the advert policies, {@code vrrp_down_timer_adverts} (3),
 * {@code vrrp_startup_delay} (0) and the VMAC name prefixes ("vrrp").
 */
public record VrrpDefaults(InetAddress mcastGroup4, InetAddress mcastGroup6, GarpDefaults garp, int version,
                           boolean checkUnicastSrc, boolean skipCheckAdvAddr, boolean strict,
                           boolean lowerPrioNoAdvert, boolean higherPrioSendAdvert,
                           boolean notifyPriorityChanges, int downTimerAdverts, Duration startupDelay,
                           boolean logUnknownVrids, String vmacPrefix, Optional<String> vmacAddrPrefix) {
    public static final InetAddress MCAST_GROUP4 = literal(new byte[] {(byte) 224, 0, 0, 18});
    public static final InetAddress MCAST_GROUP6 = literal(new byte[] {(byte) 0xff, 2, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0x12});
    public static final VrrpDefaults DEFAULT = new VrrpDefaults(MCAST_GROUP4, MCAST_GROUP6, GarpDefaults.DEFAULT, 2,
            false, false, false, false, false, false, 3, Duration.ZERO, false, "vrrp", Optional.empty());

    private static InetAddress literal(byte[] b) {
        try {
            return InetAddress.getByAddress(b);
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
