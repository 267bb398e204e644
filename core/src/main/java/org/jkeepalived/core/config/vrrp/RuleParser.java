package org.jkeepalived.core.config.vrrp;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.jkeepalived.core.config.ConfigNode;
import org.jkeepalived.core.config.Diagnostics;

/**
 * Parses rule lines ({@code virtual_rules}, {@code static_rules}) with the {@code ip rule add} syntax.
 * A rule without a preference gets 16384 with a warning, as keepalived does.
 */
final class RuleParser {
    private static final Set<String> TYPES = Set.of("blackhole", "unreachable", "prohibit", "nop");
    private static final Set<String> VALUED = Set.of("tos", "dsfield", "realms", "uidrange", "ipproto", "ip_proto",
            "sport", "dport", "suppress_prefixlength", "suppress_ifgroup", "tun_id", "protocol");
    private static final Set<String> FLAGS = Set.of("l3mdev", "not");

    private RuleParser() {
    }

    /**
     * The preference keepalived gives the next rule that has none: 16384, then one less for each
     * further such rule of the configuration.
     */
    static final class DefaultPreferences {
        private long next = VirtualRule.DEFAULT_PREFERENCE;

        long take() {
            return next--;
        }
    }

    static List<VirtualRule> parseBlock(ConfigNode block, DefaultPreferences prefs, Diagnostics d) {
        return IpCommandWords.parseBlock(block, line -> parseLine(line, prefs, d));
    }

    static Optional<VirtualRule> parseLine(ConfigNode line, DefaultPreferences prefs, Diagnostics d) {
        List<String> w = IpCommandWords.of(line);
        String from = null;
        String to = null;
        String action = "table";
        String table = null;
        OptionalLong pref = OptionalLong.empty();
        String iif = null;
        String oif = null;
        String fwmark = null;
        boolean noTrack = false;
        boolean inet6 = false;
        String trackGroup = null;
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < w.size(); i++) {
            String k = w.get(i);
            String v = i + 1 < w.size() ? w.get(i + 1) : null;
            switch (k) {
                case "from" -> from = v;
                case "to" -> to = v;
                case "table", "lookup" -> table = v;
                case "goto" -> {
                    action = "goto";
                    options.put("goto", v);
                }
                case "priority", "preference", "pref" -> pref = IpCommandWords.number(line, k, v, d);
                case "iif" -> iif = v;
                case "oif" -> oif = v;
                case "fwmark" -> fwmark = v;
                case "track_group" -> trackGroup = v;
                default -> {
                    if (k.equals("no_track")) {
                        noTrack = true;
                    } else if (k.equals("inet6")) {
                        inet6 = true;
                    } else if (TYPES.contains(k)) {
                        action = k;
                    } else if (FLAGS.contains(k)) {
                        options.put(k, "");
                    } else if (VALUED.contains(k)) {
                        options.put(k.equals("ip_proto") ? "ipproto" : k, v == null ? "" : v);
                        i++;
                    } else {
                        d.warning(line, "unknown rule keyword '" + k + "' - ignoring");
                    }
                    continue;
                }
            }
            if (v == null) {
                d.warning(line, "missing value after '" + k + "'");
            }
            i++;
        }
        if (from == null && to == null && iif == null && oif == null && fwmark == null && options.isEmpty()) {
            // keepalived accepts "from all"; a rule naming nothing at all is almost certainly a typo
            from = "all";
        }
        for (String[] kv : new String[][] {{"from", from}, {"to", to}}) {
            if (kv[1] != null && !kv[1].equals("all") && !kv[1].equals("default") && !IpCommandWords.looksLikePrefix(kv[1])) {
                d.error(line, "invalid rule " + kv[0] + " address " + kv[1] + " - ignoring rule");
                return Optional.empty();
            }
        }
        if (pref.isEmpty()) {
            long p = prefs.take();
            d.warning(line, "rule has no preference specified - using " + p + ", which is probably not what you want");
            pref = OptionalLong.of(p);
        }
        boolean v6 = inet6 || (from != null && from.contains(":")) || (to != null && to.contains(":"));
        return Optional.of(new VirtualRule(Optional.ofNullable(from), Optional.ofNullable(to), action,
                Optional.ofNullable(table), pref, Optional.ofNullable(iif), Optional.ofNullable(oif),
                Optional.ofNullable(fwmark), noTrack, v6, Optional.ofNullable(trackGroup), options, line.location()));
    }
}
