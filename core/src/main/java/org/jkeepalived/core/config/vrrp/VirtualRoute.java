package org.jkeepalived.core.config.vrrp;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.jkeepalived.core.config.SourceLocation;

/**
 * One line of {@code virtual_routes} or {@code static_routes}, with the syntax of {@code ip route add}:
 * {@code [type] [src <ip>] [to] <prefix> [via|gw <ip> [or <ip>]] [dev <if>] [scope <s>] [table <t>]
 * [metric|priority|preference <n>] [protocol <p>] [no_track] [inet6] [append] ...}.
 *
 * @param type     unicast (default), blackhole, unreachable, prohibit, throw, local, broadcast, ...
 * @param via      the gateway and the {@code or} alternative, in order
 * @param nexthops each {@code nexthop ...} group as written (multipath routes)
 * @param options  every other {@code ip route} option by name ("mtu" to "1000"; "lock" prefixes kept
 *                 as "lock 1000"; flags such as "onlink" map to "")
 */
public record VirtualRoute(String type, String destination, Optional<InetAddress> src, List<InetAddress> via,
                           Optional<String> dev, Optional<String> scope, Optional<String> table, OptionalLong metric,
                           Optional<String> protocol, boolean noTrack, boolean inet6, boolean append,
                           Optional<String> trackGroup, List<String> nexthops, Map<String, String> options,
                           SourceLocation location) {
    public VirtualRoute {
        via = List.copyOf(via);
        nexthops = List.copyOf(nexthops);
        options = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(options));
    }
}
