package org.jkeepalived.checkers.policy;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Locale;

import org.jkeepalived.core.config.lvs.VirtualServer;
import org.jkeepalived.core.config.lvs.VirtualServerTarget;

/**
 * Virtual and real servers written as keepalived writes them in logs and on the notify FIFO:
 * {@code [192.168.201.15]:tcp:80}, {@code FWM 5}, {@code [group]:tcp:80}; a real server of a fwmark virtual server
 * has no protocol, {@code [192.0.2.2]:none:0} (checked against keepalived 2.2.7's log).
 */
public final class LvsNames {
    private LvsNames() {
    }

    /** keepalived's FMT_VS. */
    public static String vs(VirtualServer vs) {
        String proto = vs.protocol().name().toLowerCase(Locale.ROOT);
        VirtualServerTarget t = vs.target();
        if (t instanceof VirtualServerTarget.Address a) {
            return endpoint(a.address(), proto, a.port());
        }
        if (t instanceof VirtualServerTarget.Fwmark f) {
            return "FWM " + f.mark();
        }
        return "[" + ((VirtualServerTarget.Group) t).name() + "]:" + proto;
    }

    /**
     * keepalived's FMT_RS, for a real server (or the sorry server) of {@code vs}. A fwmark service has no protocol
     * of its own (keepalived's service type is 0), so its real servers are written {@code none}.
     */
    public static String rs(InetAddress address, int port, VirtualServer vs) {
        String proto = vs.target() instanceof VirtualServerTarget.Fwmark ? "none"
                : vs.protocol().name().toLowerCase(Locale.ROOT);
        return endpoint(address, proto, port);
    }

    private static String endpoint(InetAddress a, String proto, int port) {
        return "[" + text(a) + "]:" + proto + ":" + port;
    }

    /** An address without a host name; IPv6 in its compressed form. */
    public static String text(InetAddress a) {
        String s = a.getHostAddress();
        int scope = s.indexOf('%');
        if (scope >= 0) {
            s = s.substring(0, scope);
        }
        return a instanceof Inet6Address ? compress(s) : s;
    }

    /** RFC 5952 compression of the JDK's full IPv6 text (the longest run of zero groups becomes ::). */
    static String compress(String full) {
        String[] g = full.split(":");
        int bestStart = -1;
        int bestLen = 0;
        for (int i = 0; i < g.length; ) {
            if (Integer.parseInt(g[i], 16) == 0) {
                int j = i;
                while (j < g.length && Integer.parseInt(g[j], 16) == 0) {
                    j++;
                }
                if (j - i > bestLen && j - i > 1) {
                    bestStart = i;
                    bestLen = j - i;
                }
                i = j;
            } else {
                i++;
            }
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < g.length; i++) {
            if (i == bestStart) {
                b.append(i == 0 ? "::" : ":");
                i += bestLen - 1;
                continue;
            }
            b.append(Integer.toHexString(Integer.parseInt(g[i], 16)));
            if (i < g.length - 1) {
                b.append(':');
            }
        }
        return b.toString();
    }
}
