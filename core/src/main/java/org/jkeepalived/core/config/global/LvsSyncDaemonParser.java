package org.jkeepalived.core.config.global;

import java.util.Optional;
import java.util.OptionalInt;
import org.jkeepalived.core.config.Arguments;
import org.jkeepalived.core.config.ConfigNode;
import org.jkeepalived.core.config.Diagnostics;

/** Parses the options of {@code lvs_sync_daemon} into an {@link LvsSyncDaemon}. */
final class LvsSyncDaemonParser {
    private LvsSyncDaemonParser() {
    }

    static Optional<LvsSyncDaemon> parse(ConfigNode n, Diagnostics d) {
        String ifname = n.arg(0);
        if (ifname == null) {
            d.error(n, "missing interface");
            return Optional.empty();
        }
        String inst = null;
        OptionalInt id = OptionalInt.empty();
        OptionalInt maxLen = OptionalInt.empty();
        OptionalInt port = OptionalInt.empty();
        OptionalInt ttl = OptionalInt.empty();
        Optional<java.net.InetAddress> group = Optional.empty();
        for (int i = 1; i < n.args().size(); i++) {
            String k = n.arg(i);
            switch (k) {
                case "inst" -> inst = n.arg(++i);
                case "id" -> {
                    id = Arguments.integer(n, ++i, 0, 255, d);
                    if (id.isEmpty()) {
                        d.warning(n, "invalid syncid - defaulting to the VRID");
                    }
                }
                case "maxlen" -> maxLen = Arguments.integer(n, ++i, 1, 65507, d);
                case "port" -> port = Arguments.integer(n, ++i, 1, 65535, d);
                case "ttl" -> ttl = Arguments.integer(n, ++i, 1, 255, d);
                case "group" -> group = Arguments.address(n, ++i, d);
                default -> {
                    if (i == 1) {
                        inst = k; // "inst" may be omitted for backward compatibility
                    } else {
                        d.warning(n, "unknown option " + k + " - ignoring");
                    }
                }
            }
        }
        return Optional.of(new LvsSyncDaemon(ifname, Optional.ofNullable(inst), id, maxLen, port, ttl, group));
    }
}
