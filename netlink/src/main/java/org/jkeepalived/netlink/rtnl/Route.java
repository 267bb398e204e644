package org.jkeepalived.netlink.rtnl;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Objects;

/**
 * A route as {@code ip route add TYPE DST/LEN via GATEWAY dev OIF table T metric M scope S proto P}
 * expresses it (keepalived's virtual_routes).
 *
 * @param destination  the destination prefix address (e.g. 198.51.100.0)
 * @param prefixLength its length
 * @param gateway      next hop, or null
 * @param oif          output interface index, or 0
 * @param table        routing table (254 main)
 * @param metric       RTA_PRIORITY, or -1 for none
 * @param scope        RT_SCOPE_*
 * @param protocol     RTPROT_* (keepalived uses 18)
 * @param type         unicast, blackhole, unreachable, prohibit…
 */
public record Route(InetAddress destination, int prefixLength, InetAddress gateway, int oif, int table, int metric,
                    int scope, int protocol, RouteType type) {
    public Route {
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(type, "type");
    }

    /** A unicast route in the main table with static protocol, universe scope and no metric. */
    public static Route unicast(InetAddress destination, int prefixLength, InetAddress gateway, int oif) {
        return new Route(destination, prefixLength, gateway, oif, Rtnetlink.RT_TABLE_MAIN, -1,
                gateway == null && oif != 0 ? Rtnetlink.RT_SCOPE_LINK : Rtnetlink.RT_SCOPE_UNIVERSE,
                Rtnetlink.RTPROT_STATIC, RouteType.UNICAST);
    }

    public Route withTable(int value) {
        return new Route(destination, prefixLength, gateway, oif, value, metric, scope, protocol, type);
    }

    public Route withMetric(int value) {
        return new Route(destination, prefixLength, gateway, oif, table, value, scope, protocol, type);
    }

    public Route withProtocol(int value) {
        return new Route(destination, prefixLength, gateway, oif, table, metric, scope, value, type);
    }

    public Route withType(RouteType value) {
        return new Route(destination, prefixLength, gateway, oif, table, metric, scope, protocol, value);
    }

    public int family() {
        return destination instanceof Inet4Address ? 2 : 10;
    }
}
