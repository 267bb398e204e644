package org.jkeepalived.core.config.vrrp;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jkeepalived.core.config.Arguments;
import org.jkeepalived.core.config.ConfigNode;
import org.jkeepalived.core.config.Diagnostics;

/**
 * Parses address lines ({@code virtual_ipaddress}, {@code virtual_ipaddress_excluded},
 * {@code static_ipaddress}) as keepalived does: a bad address drops the line (error), an unknown
 * option is ignored (warning), a prefix too long is replaced by the full length (warning).
 */
final class IpAddressParser {
    private static final Set<String> SCOPES = Set.of("site", "link", "host", "nowhere", "global");

    private IpAddressParser() {
    }

    /** Every line of an address block; each line's keyword is the address. */
    static List<VirtualIpAddress> parseBlock(ConfigNode block, Diagnostics d) {
        List<VirtualIpAddress> out = new ArrayList<>();
        for (ConfigNode line : block.children()) {
            parseLine(line, d).ifPresent(out::add);
        }
        return out;
    }

    /** {@code words[0]} is the address, as the line's keyword. */
    static Optional<VirtualIpAddress> parseLine(ConfigNode line, Diagnostics d) {
        List<String> w = new ArrayList<>();
        w.add(line.keyword());
        w.addAll(line.args());
        String first = w.get(0);
        String addrText = first;
        Integer prefix = null;
        int slash = first.indexOf('/');
        if (slash >= 0) {
            addrText = first.substring(0, slash);
            try {
                prefix = Integer.parseInt(first.substring(slash + 1));
            } catch (NumberFormatException e) {
                d.error(line, "invalid address prefix in '" + first + "' - ignoring address");
                return Optional.empty();
            }
        }
        Optional<InetAddress> parsed = Arguments.parseAddress(addrText);
        if (parsed.isEmpty()) {
            d.error(line, "invalid IP address '" + first + "' - ignoring");
            return Optional.empty();
        }
        InetAddress addr = parsed.get();
        int max = addr instanceof Inet6Address ? 128 : 32;
        if (prefix == null) {
            prefix = max;
        } else if (prefix < 0 || prefix > max) {
            d.warning(line, "invalid address prefix length " + prefix + " for " + first + " - using " + max);
            prefix = max;
        }
        String brd = null;
        String dev = null;
        String scope = null;
        String label = null;
        String peer = null;
        String lft = null;
        String trackGroup = null;
        boolean home = false;
        boolean noDad = false;
        boolean mngTmp = false;
        boolean noPrefixRoute = false;
        boolean autoJoin = false;
        boolean noTrack = false;
        boolean useVmac = false;
        for (int i = 1; i < w.size(); i++) {
            String k = w.get(i);
            String v = i + 1 < w.size() ? w.get(i + 1) : null;
            switch (k) {
                case "brd", "broadcast" -> brd = value(line, k, v, d);
                case "dev" -> dev = value(line, k, v, d);
                case "scope" -> {
                    scope = value(line, k, v, d);
                    if (scope != null && !SCOPES.contains(scope) && !scope.matches("\\d+")) {
                        d.warning(line, "invalid scope '" + scope + "' - ignoring");
                        scope = null;
                    }
                }
                case "label" -> label = value(line, k, v, d);
                case "peer" -> peer = value(line, k, v, d);
                case "preferred_lft" -> lft = value(line, k, v, d);
                case "track_group" -> trackGroup = value(line, k, v, d);
                case "home" -> home = true;
                case "-nodad", "nodad" -> noDad = true;
                case "mngtmpaddr" -> mngTmp = true;
                case "noprefixroute" -> noPrefixRoute = true;
                case "autojoin" -> autoJoin = true;
                case "no_track" -> noTrack = true;
                case "use_vmac" -> useVmac = true;
                default -> {
                    d.warning(line, "unknown option '" + k + "' for ip address - ignoring");
                    continue;
                }
            }
            if (Set.of("brd", "broadcast", "dev", "scope", "label", "peer", "preferred_lft", "track_group")
                    .contains(k)) {
                i++;
            }
        }
        return Optional.of(new VirtualIpAddress(addr, prefix, Optional.ofNullable(brd), Optional.ofNullable(dev),
                Optional.ofNullable(scope), Optional.ofNullable(label), Optional.ofNullable(peer), home, noDad,
                mngTmp, noPrefixRoute, autoJoin, noTrack, useVmac, Optional.ofNullable(lft),
                Optional.ofNullable(trackGroup), line.location()));
    }

    private static String value(ConfigNode line, String k, String v, Diagnostics d) {
        if (v == null) {
            d.warning(line, "missing value after '" + k + "' - ignoring");
        }
        return v;
    }
}
