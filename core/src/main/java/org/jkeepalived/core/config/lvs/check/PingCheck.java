package org.jkeepalived.core.config.lvs.check;

import java.util.Objects;
import org.jkeepalived.core.config.SourceLocation;

/** {@code PING_CHECK}: up when an ICMP (or ICMPv6) echo is answered; no options beyond the common ones. */
public record PingCheck(CheckerCommon common, SourceLocation location) implements Checker {
    public PingCheck {
        Objects.requireNonNull(common, "common");
        Objects.requireNonNull(location, "location");
    }

    @Override
    public String kind() {
        return "PING_CHECK";
    }
}
