package org.jkeepalived.vrrp.router;

import java.util.Objects;
import org.jkeepalived.vrrp.engine.InstanceSpec;
import org.jkeepalived.vrrp.packet.InstanceExpectations;

/**
 * One vrrp_instance ready to run: the configuration it came from (for what the ports need beyond
 * the engine: VIP scope/label/broadcast, excluded addresses, virtual routes and rules), the engine's
 * {@link InstanceSpec}, the receive path's {@link InstanceExpectations}, and where it lives.
 *
 * @param config             the vrrp_instance block as read
 * @param spec               what the state machine runs; its interface is where adverts and VIPs go
 *                           (the vmac when use_vmac is set)
 * @param expectations       what received adverts must look like
 * @param baseInterface      the configured {@code interface}
 * @param vmacName           the use_vmac interface to create, or null
 * @param announceIntervalNanos garp_interval (IPv4) or gna_interval (IPv6): the gap between two
 *                           gratuitous ARPs / NAs, 0 for back to back
 * @param dropRule           what the firewall drops while the instance is MASTER; empty when it accepts
 */
public record InstancePlan(org.jkeepalived.core.config.vrrp.VrrpInstance config, InstanceSpec spec,
                           InstanceExpectations expectations, String baseInterface, String vmacName,
                           long announceIntervalNanos, java.util.Optional<DropRule> dropRule) {
    public InstancePlan {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(expectations, "expectations");
        Objects.requireNonNull(baseInterface, "baseInterface");
        Objects.requireNonNull(dropRule, "dropRule");
    }

    public String name() {
        return spec.name();
    }

    /** The interface adverts are sent and received on, and VIPs without {@code dev} go to. */
    public String interfaceName() {
        return spec.interfaceName();
    }

    public boolean ipv6() {
        return spec.ipv6();
    }

    /** Whether adverts go to the VRRP multicast group (no unicast_peer). */
    public boolean multicast() {
        return spec.unicastPeers().isEmpty();
    }
}
