package org.jkeepalived.core.config.vrrp;

import java.time.Duration;
import java.util.Optional;
import org.jkeepalived.core.config.SourceLocation;

/** Per-interface link monitoring settings from the top-level interface blocks. */
public final class InterfaceSettings {
    private InterfaceSettings() {
    }

    /** One {@code linkbeat_interfaces} line: an interface and its preferred polling type (MII, ETHTOOL, IOCTL). */
    public record Linkbeat(String interfaceName, Optional<String> pollType, SourceLocation location) {
    }

    /** One {@code interface_up_down_delays} line: {@code ifname down_delay [up_delay]} (up defaults to down). */
    public record UpDownDelay(String interfaceName, Duration downDelay, Duration upDelay, SourceLocation location) {
    }
}
