package org.jkeepalived.core.config.vrrp;

import java.util.Optional;
import org.jkeepalived.core.config.SourceLocation;

/**
 * A {@code track_file} (deprecated synonym {@code vrrp_track_file}) block: a file holding a number
 * that, times the weight (default 1), is added to the priority of tracking instances.
 *
 * @param initFile {@code init_file [VALUE] [overwrite]}: write VALUE (default 0) at startup
 */
public record VrrpTrackFile(String name, String file, int weight, boolean weightReverse,
                            Optional<InitFile> initFile, SourceLocation location) {
    /** {@code init_file [VALUE] [overwrite]}. */
    public record InitFile(int value, boolean overwrite) {
    }
}
