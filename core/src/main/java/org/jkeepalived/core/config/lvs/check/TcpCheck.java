package org.jkeepalived.core.config.lvs.check;

import java.util.Objects;
import org.jkeepalived.core.config.SourceLocation;

/** {@code TCP_CHECK}: up when a TCP connection can be opened; no options beyond the common ones. */
public record TcpCheck(CheckerCommon common, SourceLocation location) implements Checker {
    public TcpCheck {
        Objects.requireNonNull(common, "common");
        Objects.requireNonNull(location, "location");
    }

    @Override
    public String kind() {
        return "TCP_CHECK";
    }
}
