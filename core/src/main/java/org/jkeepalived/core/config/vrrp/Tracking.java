package org.jkeepalived.core.config.vrrp;

import java.util.List;

/** What a vrrp_instance or vrrp_sync_group tracks, one list per kind, in file order. */
public record Tracking(List<TrackedItem> interfaces, List<TrackedItem> scripts, List<TrackedItem> files,
                       List<TrackedItem> processes, List<TrackedItem> bfds) {
    public static final Tracking NONE = new Tracking(List.of(), List.of(), List.of(), List.of(), List.of());

    public Tracking {
        interfaces = List.copyOf(interfaces);
        scripts = List.copyOf(scripts);
        files = List.copyOf(files);
        processes = List.copyOf(processes);
        bfds = List.copyOf(bfds);
    }
}
