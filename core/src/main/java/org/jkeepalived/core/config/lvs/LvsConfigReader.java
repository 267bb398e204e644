package org.jkeepalived.core.config.lvs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jkeepalived.core.config.ConfigNode;
import org.jkeepalived.core.config.Diagnostics;
import org.jkeepalived.core.config.HostInterfaces;
import org.jkeepalived.core.config.SourceLocation;
import org.jkeepalived.core.config.lvs.check.CheckerContext;

/**
 * Builds the {@link LvsConfig} from the top-level statements of keepalived.conf, reporting what keepalived 2.2.7
 * reports for these blocks (and a few things it only finds at run time, such as an undefined group).
 */
public final class LvsConfigReader {
    /** The top-level keywords this reader owns. */
    public static final Set<String> TOP_LEVEL_KEYWORDS = Set.of("virtual_server", "virtual_server_group", "SSL");

    private LvsConfigReader() {
    }

    /** Reads every block named in {@link #TOP_LEVEL_KEYWORDS}; other top-level statements are left alone. */
    public static LvsConfig read(List<ConfigNode> topLevel, HostInterfaces host, Diagnostics d) {
        CheckerContext ctx = new CheckerContext(host, names(topLevel, Set.of("track_file", "vrrp_track_file")),
                names(topLevel, Set.of("bfd_instance")));
        List<VirtualServerGroup> groups = new ArrayList<>();
        Map<String, VirtualServerGroup> byName = new HashMap<>();
        for (ConfigNode n : topLevel) {
            if (n.keyword().equals("virtual_server_group")) {
                VirtualServerGroupReader.read(n, d).ifPresent(g -> {
                    VirtualServerGroup prev = byName.putIfAbsent(g.name(), g);
                    if (prev != null) {
                        // keepalived -t is silent; name look-ups then only ever find the first group.
                        d.warning(n, "virtual_server_group " + g.name() + " is already defined at " + prev.location()
                                + "; this one is ignored");
                    } else {
                        groups.add(g);
                    }
                });
            }
        }
        Optional<SslSettings> ssl = Optional.empty();
        for (ConfigNode n : topLevel) {
            if (n.keyword().equals("SSL")) {
                if (ssl.isPresent()) {
                    d.warning(n, "SSL context already specified at " + ssl.get().location() + " - replacing");
                }
                ssl = Optional.of(SslSettings.read(n, d));
            }
        }
        List<VirtualServer> servers = new ArrayList<>();
        Map<String, SourceLocation> seen = new HashMap<>();
        for (ConfigNode n : topLevel) {
            if (!n.keyword().equals("virtual_server")) {
                continue;
            }
            Optional<VirtualServer> vs = VirtualServerReader.read(n, ctx, byName, d);
            if (vs.isEmpty()) {
                continue;
            }
            VirtualServer v = vs.get();
            if (v.target() instanceof VirtualServerTarget.Group g && !byName.containsKey(g.name())) {
                // keepalived -t is silent here, but the running daemon ignores the virtual server.
                d.error(n, "virtual_server_group " + g.name() + " is not defined; virtual server ignored");
                continue;
            }
            String key = v.target() instanceof VirtualServerTarget.Fwmark ? v.target() + "/" + v.family()
                    : v.target() + "/" + v.protocol();
            SourceLocation first = seen.putIfAbsent(key, v.location());
            if (first != null) {
                // keepalived -t is silent here too; IPVS then refuses the second service at run time.
                d.error(n, "virtual server " + v.target() + " " + v.protocol() + " is already defined at " + first
                        + "; this one is ignored");
                continue;
            }
            servers.add(v);
        }
        return new LvsConfig(groups, servers, ssl);
    }

    private static Set<String> names(List<ConfigNode> topLevel, Set<String> keywords) {
        Set<String> out = new HashSet<>();
        for (ConfigNode n : topLevel) {
            if (keywords.contains(n.keyword()) && n.arg(0) != null) {
                out.add(n.arg(0));
            }
        }
        return out;
    }
}
