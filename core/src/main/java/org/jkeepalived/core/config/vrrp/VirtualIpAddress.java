package org.jkeepalived.core.config.vrrp;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Optional;
import org.jkeepalived.core.config.SourceLocation;

/**
 * One line of {@code virtual_ipaddress}, {@code virtual_ipaddress_excluded} or
 * {@code static_ipaddress}: {@code <ip>[/<mask>] [brd <ip>|+|-] [dev <if>] [use_vmac] [scope <scope>]
 * [label <label>] [peer <ip>[/mask]] [home] [-nodad] [mngtmpaddr] [noprefixroute] [autojoin]
 * [no_track] [preferred_lft <n>|forever] [track_group <group>]}. Without a mask the prefix is the
 * whole address (32 or 128); without dev the instance's interface (or default_interface) is used.
 */
public record VirtualIpAddress(InetAddress address, int prefixLength, Optional<String> broadcast,
                               Optional<String> dev, Optional<String> scope, Optional<String> label,
                               Optional<String> peer, boolean home, boolean noDad, boolean mngTmpAddr,
                               boolean noPrefixRoute, boolean autoJoin, boolean noTrack, boolean useVmac,
                               Optional<String> preferredLft, Optional<String> trackGroup, SourceLocation location) {
    public boolean isIpv6() {
        return address instanceof Inet6Address;
    }

    /** The address as {@code ip/prefix}, the form keepalived logs. */
    public String cidr() {
        return address.getHostAddress() + "/" + prefixLength;
    }
}
