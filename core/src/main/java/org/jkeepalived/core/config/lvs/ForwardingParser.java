package org.jkeepalived.core.config.lvs;

import java.util.Optional;
import java.util.OptionalInt;
import org.jkeepalived.core.config.Arguments;
import org.jkeepalived.core.config.ConfigNode;
import org.jkeepalived.core.config.Diagnostics;
import org.jkeepalived.core.config.lvs.Forwarding.Method;
import org.jkeepalived.core.config.lvs.Forwarding.TunnelChecksum;
import org.jkeepalived.core.config.lvs.Forwarding.TunnelType;

/**
 * Parses {@code lvs_method NAT|DR|TUN [type ipip|gue port N|gre] [nocsum|csum|remcsum]} (and its synonyms
 * {@code lb_kind}, {@code sorry_server_lvs_method}). Method names are case-sensitive, as in keepalived.
 */
final class ForwardingParser {
    private ForwardingParser() {
    }

    /**
     * The method written; empty when the method itself is bad. A bad tunnel option is reported and the method
     * kept as TUN with the default ipip tunnel, as keepalived has already set TUN when it sees the option.
     */
    static Optional<Forwarding> parse(ConfigNode n, String server, Diagnostics d) {
        Optional<String> m = Arguments.string(n, 0, "forwarding method (NAT, DR or TUN)", d);
        if (m.isEmpty()) {
            return Optional.empty();
        }
        switch (m.get()) {
            case "NAT":
                return Optional.of(Forwarding.of(Method.NAT));
            case "DR":
                return Optional.of(Forwarding.of(Method.DR));
            case "TUN":
                return Optional.of(tunnel(n, server, d));
            default:
                d.error(n, "unknown forwarding method " + m.get() + " for " + server
                        + " server (expected NAT, DR or TUN); ignored");
                return Optional.empty();
        }
    }

    private static Forwarding tunnel(ConfigNode n, String server, Diagnostics d) {
        Forwarding plain = Forwarding.of(Method.TUN);
        TunnelType type = TunnelType.IPIP;
        OptionalInt port = OptionalInt.empty();
        TunnelChecksum csum = TunnelChecksum.NONE;
        int i = 1;
        if ("type".equals(n.arg(i))) {
            String t = n.arg(i + 1);
            if (t == null) {
                d.error(n, "missing tunnel type for " + server + " server (expected ipip, gue or gre)");
                return plain;
            }
            switch (t) {
                case "ipip" -> type = TunnelType.IPIP;
                case "gue" -> type = TunnelType.GUE;
                case "gre" -> type = TunnelType.GRE;
                default -> {
                    d.error(n, "unknown tunnel type " + t + " for " + server + " server (expected ipip, gue or gre)");
                    return plain;
                }
            }
            i += 2;
            if ("port".equals(n.arg(i))) {
                String p = n.arg(i + 1);
                if (p == null) {
                    d.error(n, "missing port for " + server + " server gue tunnel");
                    return plain;
                }
                OptionalInt parsed = LvsArguments.port(n, i + 1, d);
                if (parsed.isEmpty()) {
                    return plain;
                }
                port = parsed;
                i += 2;
            }
        }
        String opt = n.arg(i);
        if (opt != null) {
            switch (opt) {
                case "nocsum" -> csum = TunnelChecksum.NOCSUM;
                case "csum" -> csum = TunnelChecksum.CSUM;
                case "remcsum" -> csum = TunnelChecksum.REMCSUM;
                default -> {
                    d.error(n, "invalid tunnel option " + opt + " for " + server + " server");
                    return plain;
                }
            }
        }
        if ((type == TunnelType.GUE) != port.isPresent()) {
            d.error(n, "gue tunnels require a port, and other tunnel types cannot have one; using ipip");
            return plain;
        }
        if (type == TunnelType.IPIP && csum != TunnelChecksum.NONE) {
            d.error(n, "ipip tunnels do not support a checksum option; using ipip without one");
            return plain;
        }
        if (type == TunnelType.GRE && csum == TunnelChecksum.REMCSUM) {
            d.error(n, "gre tunnels do not support the remcsum option; using ipip");
            return plain;
        }
        return new Forwarding(Method.TUN, type, port, csum);
    }
}
