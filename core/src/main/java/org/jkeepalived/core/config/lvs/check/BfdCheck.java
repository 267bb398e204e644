package org.jkeepalived.core.config.lvs.check;

import java.util.Objects;
import org.jkeepalived.core.config.SourceLocation;

/**
 * {@code BFD_CHECK}: follows the state of the named {@code bfd_instance}. It takes none of the standard checker
 * options; {@link #common()} holds the defaults inherited from the real server.
 */
public record BfdCheck(CheckerCommon common, String name, SourceLocation location) implements Checker {
    public BfdCheck {
        Objects.requireNonNull(common, "common");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(location, "location");
    }

    @Override
    public String kind() {
        return "BFD_CHECK";
    }
}
