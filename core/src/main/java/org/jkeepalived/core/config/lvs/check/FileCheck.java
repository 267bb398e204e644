package org.jkeepalived.core.config.lvs.check;

import java.util.Objects;
import java.util.OptionalInt;
import org.jkeepalived.core.config.SourceLocation;

/**
 * {@code FILE_CHECK}: follows the number in the file of the named {@code track_file} (or
 * {@code vrrp_track_file}) block. {@code weight} multiplies the value read (the track file's own weight when
 * absent); {@code reverse} negates it. It takes none of the standard checker options; {@link #common()} holds the
 * inherited defaults. ({@code dynamic}, in the man page, is an unknown keyword to keepalived 2.2.7.)
 */
public record FileCheck(CheckerCommon common, String trackFile, OptionalInt weight, boolean reverse,
                        SourceLocation location) implements Checker {
    public FileCheck {
        Objects.requireNonNull(common, "common");
        Objects.requireNonNull(trackFile, "trackFile");
        Objects.requireNonNull(weight, "weight");
        Objects.requireNonNull(location, "location");
    }

    @Override
    public String kind() {
        return "FILE_CHECK";
    }
}
