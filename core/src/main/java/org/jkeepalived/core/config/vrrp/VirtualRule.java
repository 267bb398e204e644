package org.jkeepalived.core.config.vrrp;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.jkeepalived.core.config.SourceLocation;

/**
 * One line of {@code virtual_rules} or {@code static_rules}, with the syntax of {@code ip rule add}:
 * {@code [from <prefix>] [to <prefix>] [table <t>|goto <n>|type] [priority|preference|pref <n>]
 * [iif <if>] [oif <if>] [fwmark <m>[/mask]] [no_track] [inet6] ...}. keepalived assigns preference
 * 16384 (with a warning) when none is given, which {@link #preference} then holds.
 *
 * @param action  "table" (with {@link #table}), "goto", or a type: blackhole, unreachable, prohibit, nop
 * @param options every other {@code ip rule} option by name (tos, realms, uidrange, sport, ...)
 */
public record VirtualRule(Optional<String> from, Optional<String> to, String action, Optional<String> table,
                          OptionalLong preference, Optional<String> iif, Optional<String> oif,
                          Optional<String> fwmark, boolean noTrack, boolean inet6, Optional<String> trackGroup,
                          Map<String, String> options, SourceLocation location) {
    public static final long DEFAULT_PREFERENCE = 16384;

    public VirtualRule {
        options = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(options));
    }
}
