package org.jkeepalived.vrrp.router;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jkeepalived.core.config.global.Nftables;
import org.jkeepalived.core.config.vrrp.VirtualIpAddress;
import org.jkeepalived.core.config.vrrp.VrrpInstance;

/**
 * keepalived's "firewall drop rule" of one {@code no_accept} instance: while it is MASTER, the node drops
 * packets to (and from) its VIPs and excluded VIPs, so they serve only for routing (RFC 5798 §6.4.3, Accept_Mode
 * false). An address owner (priority 255) always accepts.
 *
 * @param instance  the instance name, as in {@code (VI_1) setting firewall drop rule}
 * @param nftables  where the rules go
 * @param addresses the addresses to drop, each with the interface it is installed on (for link-local sets)
 */
public record DropRule(String instance, Nftables nftables, List<Address> addresses) {
    /** One address to drop and the interface it lives on. */
    public record Address(InetAddress address, String interfaceName) {
        public Address {
            Objects.requireNonNull(address, "address");
            Objects.requireNonNull(interfaceName, "interfaceName");
        }
    }

    public DropRule {
        Objects.requireNonNull(instance, "instance");
        Objects.requireNonNull(nftables, "nftables");
        addresses = List.copyOf(addresses);
    }

    /**
     * The drop rule of a configured instance, or empty when it accepts: {@code accept} (the default without
     * vrrp_strict), or priority 255, which keepalived never filters even with {@code no_accept}.
     *
     * @param device the interface VIPs without {@code dev} go on (the instance's interface or its vmac)
     */
    public static Optional<DropRule> of(VrrpInstance c, Nftables nftables, String device) {
        if (c.accept() || c.addressOwner()) {
            return Optional.empty();
        }
        List<Address> all = new ArrayList<>();
        for (VirtualIpAddress v : c.virtualIpAddresses()) {
            all.add(new Address(v.address(), v.dev().orElse(device)));
        }
        for (VirtualIpAddress v : c.excludedIpAddresses()) {
            all.add(new Address(v.address(), v.dev().orElse(device)));
        }
        return Optional.of(new DropRule(c.name(), nftables, all));
    }

    /** This rule less the addresses {@code other} also drops: what a reload must add or remove. */
    public DropRule minus(Optional<DropRule> other) {
        List<Address> left = new ArrayList<>(addresses);
        other.ifPresent(o -> left.removeAll(o.addresses()));
        return new DropRule(instance, nftables, left);
    }
}
