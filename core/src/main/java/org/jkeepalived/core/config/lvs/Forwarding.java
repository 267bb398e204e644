package org.jkeepalived.core.config.lvs;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * An LVS forwarding method ({@code lvs_method NAT|DR|TUN [type ipip|gue port N|gre] [nocsum|csum|remcsum]}).
 * The tunnel fields only mean something for {@link Method#TUN}; the default tunnel is ipip without checksum.
 */
public record Forwarding(Method method, TunnelType tunnelType, OptionalInt tunnelPort, TunnelChecksum checksum) {
    /** The IPVS forwarding method. */
    public enum Method { NAT, DR, TUN }

    /** The encapsulation of a TUN real server. */
    public enum TunnelType { IPIP, GUE, GRE }

    /** The tunnel checksum option; NONE when not written. */
    public enum TunnelChecksum { NONE, NOCSUM, CSUM, REMCSUM }

    /** keepalived's default when no lvs_method is written. */
    public static final Forwarding NAT = new Forwarding(Method.NAT, TunnelType.IPIP, OptionalInt.empty(), TunnelChecksum.NONE);

    public Forwarding {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(tunnelType, "tunnelType");
        Objects.requireNonNull(tunnelPort, "tunnelPort");
        Objects.requireNonNull(checksum, "checksum");
    }

    public static Forwarding of(Method m) {
        return new Forwarding(m, TunnelType.IPIP, OptionalInt.empty(), TunnelChecksum.NONE);
    }
}
