package org.jkeepalived.core.config.vrrp;

import java.util.List;
import java.util.Optional;
import org.jkeepalived.core.config.SourceLocation;

/**
 * A {@code vrrp_sync_group}: instances that change state together, what the group tracks, its
 * notify scripts and switches. Members that do not exist or already belong to another group have
 * been removed (with a warning), as keepalived does.
 */
public record VrrpSyncGroup(String name, List<String> members, Tracking tracking, NotifyScripts notifyScripts,
                            Optional<Boolean> notifyPriorityChanges, Optional<Boolean> smtpAlert,
                            boolean globalTracking, boolean syncGroupTrackingWeight, SourceLocation location) {
    public VrrpSyncGroup {
        members = List.copyOf(members);
    }
}
