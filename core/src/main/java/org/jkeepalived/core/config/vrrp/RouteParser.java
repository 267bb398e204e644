package org.jkeepalived.core.config.vrrp;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.jkeepalived.core.config.Arguments;
import org.jkeepalived.core.config.ConfigNode;
import org.jkeepalived.core.config.Diagnostics;

/**
 * Parses route lines ({@code virtual_routes}, {@code static_routes}) with the {@code ip route add}
 * syntax keepalived accepts (full option names only). An unknown word is a warning and is skipped, a
 * route without a destination is dropped (error).
 */
final class RouteParser {
    static final Set<String> TYPES = Set.of("unicast", "blackhole", "unreachable", "prohibit", "throw", "local",
            "broadcast", "anycast", "multicast", "nat");
    /** Options taking one value, kept in {@link VirtualRoute#options()}. */
    private static final Set<String> VALUED = Set.of("tos", "dsfield", "mtu", "hoplimit", "advmss", "rtt", "rttvar",
            "reordering", "window", "cwnd", "ssthresh", "realms", "rto_min", "initcwnd", "initrwnd", "features",
            "quickack", "congctl", "pref", "expires", "fastopen_no_cookie", "vrf", "ttl-propagate", "encap");
    private static final Set<String> FLAGS = Set.of("onlink", "pervasive");

    private RouteParser() {
    }

    /**
     * @param tracked true for routes keepalived tracks (virtual_routes and, in 2.2.7, static_routes too): it
     *                cannot track a route without an interface and says so unless the route has no_track
     */
    static List<VirtualRoute> parseBlock(ConfigNode block, boolean tracked, Diagnostics d) {
        return IpCommandWords.parseBlock(block, line -> parseLine(line, tracked, d));
    }

    static Optional<VirtualRoute> parseLine(ConfigNode line, boolean tracked, Diagnostics d) {
        List<String> w = IpCommandWords.of(line);
        String type = "unicast";
        String dest = null;
        InetAddress src = null;
        List<InetAddress> via = new ArrayList<>();
        String dev = null;
        String scope = null;
        String table = null;
        OptionalLong metric = OptionalLong.empty();
        String protocol = null;
        boolean noTrack = false;
        boolean inet6 = false;
        boolean append = false;
        String trackGroup = null;
        List<String> nexthops = new ArrayList<>();
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < w.size(); i++) {
            String k = w.get(i);
            String v = i + 1 < w.size() ? w.get(i + 1) : null;
            if (TYPES.contains(k) && i == 0) {
                type = k;
                continue;
            }
            switch (k) {
                case "src" -> src = address(line, k, v, d);
                case "to" -> dest = v;
                case "via", "gw", "or" -> {
                    if (!k.equals("via")) {
                        d.warning(line, "\"" + k + "\" for routes is deprecated, use \""
                                + (k.equals("or") ? "nexthop" : "via") + "\"");
                    }
                    InetAddress a = address(line, k, v, d);
                    if (a != null) {
                        via.add(a);
                    }
                }
                case "dev", "oif" -> dev = v;
                case "scope" -> scope = v;
                case "table" -> table = v;
                case "metric", "priority", "preference" -> metric = IpCommandWords.number(line, k, v, d);
                case "protocol", "proto" -> protocol = v;
                case "track_group" -> trackGroup = v;
                default -> {
                    if (k.equals("no_track")) {
                        noTrack = true;
                    } else if (k.equals("inet6")) {
                        inet6 = true;
                    } else if (k.equals("append")) {
                        append = true;
                    } else if (k.equals("nexthop")) {
                        nexthops.add(String.join(" ", nexthopWords(w, i + 1)));
                        i += nexthopWords(w, i + 1).size();
                    } else if (FLAGS.contains(k)) {
                        options.put(k, "");
                    } else if (VALUED.contains(k)) {
                        if (v != null && v.equals("lock") && i + 2 < w.size()) {
                            options.put(k, "lock " + w.get(i + 2));
                            i++;
                        } else {
                            options.put(k, v == null ? "" : v);
                        }
                        i++;
                    } else if (dest == null && IpCommandWords.looksLikePrefix(k)) {
                        dest = k;
                    } else {
                        d.warning(line, "unknown route keyword '" + k + "' - ignoring");
                    }
                    continue;
                }
            }
            if (v == null) {
                d.warning(line, "missing value after '" + k + "'");
            }
            i++;
        }
        if (dest == null) {
            d.error(line, "route has no destination - ignoring route");
            return Optional.empty();
        }
        if (tracked && dev == null && !noTrack) {
            d.warning(line, "cannot track route " + dest + " with no interface specified, not tracking");
            noTrack = true;
        }
        return Optional.of(new VirtualRoute(type, dest, Optional.ofNullable(src), via, Optional.ofNullable(dev),
                Optional.ofNullable(scope), Optional.ofNullable(table), metric, Optional.ofNullable(protocol), noTrack,
                inet6 || dest.contains(":"), append, Optional.ofNullable(trackGroup), nexthops, options,
                line.location()));
    }

    private static List<String> nexthopWords(List<String> w, int from) {
        int end = from;
        while (end < w.size() && !w.get(end).equals("nexthop")) {
            end++;
        }
        return w.subList(from, end);
    }

    private static InetAddress address(ConfigNode line, String k, String v, Diagnostics d) {
        Optional<InetAddress> a = Arguments.parseAddress(v);
        if (a.isEmpty()) {
            d.warning(line, "invalid address '" + v + "' after " + k + " - ignoring");
            return null;
        }
        return a.get();
    }
}
