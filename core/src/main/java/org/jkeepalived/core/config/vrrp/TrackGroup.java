package org.jkeepalived.core.config.vrrp;

import java.util.List;
import org.jkeepalived.core.config.SourceLocation;

/** A {@code track_group}: the vrrp instances that track static addresses/routes/rules naming it. */
public record TrackGroup(String name, List<String> instances, SourceLocation location) {
    public TrackGroup {
        instances = List.copyOf(instances);
    }
}
