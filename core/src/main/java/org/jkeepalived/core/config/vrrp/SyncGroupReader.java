package org.jkeepalived.core.config.vrrp;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jkeepalived.core.config.Arguments;
import org.jkeepalived.core.config.ConfigNode;
import org.jkeepalived.core.config.Diagnostics;
import org.jkeepalived.core.config.KeywordTable;
import org.jkeepalived.core.config.SourceLocation;
import org.jkeepalived.core.config.ScriptCommand;

/** Reads a {@code vrrp_sync_group} block; membership checks happen in {@link VrrpConfigReader}. */
final class SyncGroupReader {
    /** Mutable state of a sync group while read. */
    private static final class Group {
        String name;
        final List<String> members = new ArrayList<>();
        final List<SourceLocation> memberAt = new ArrayList<>();
        List<TrackedItem> ifs = List.of();
        List<TrackedItem> scripts = List.of();
        List<TrackedItem> files = List.of();
        List<TrackedItem> processes = List.of();
        List<TrackedItem> bfds = List.of();
        ScriptCommand master;
        ScriptCommand backup;
        ScriptCommand fault;
        ScriptCommand stop;
        boolean deleted;
        ScriptCommand deletedScript;
        ScriptCommand any;
        Boolean priorityChanges;
        Boolean smtpAlert;
        boolean globalTracking;
        boolean trackingWeight;
    }

    private static final KeywordTable<Group> TABLE = new KeywordTable<Group>("vrrp_sync_group")
            .on("group", (b, n) -> {
                for (ConfigNode c : n.children()) {
                    b.members.add(c.keyword());
                    b.memberAt.add(c.location());
                    for (String a : c.args()) {
                        b.members.add(a);
                        b.memberAt.add(c.location());
                    }
                }
            })
            .on("track_interface", (b, n, d) -> b.ifs = TrackBlockParser.parse(n, b.name, 253, d))
            .on("track_script", (b, n, d) -> b.scripts = TrackBlockParser.parse(n, b.name, 253, d))
            .on("track_file", (b, n, d) -> b.files = TrackBlockParser.parse(n, b.name, 254, d))
            .on("track_process", (b, n, d) -> b.processes = TrackBlockParser.parse(n, b.name, 254, d))
            .on("track_bfd", (b, n, d) -> b.bfds = TrackBlockParser.parse(n, b.name, 253, d))
            .on("notify_master", (b, n, d) -> ScriptCommand.parse(n, 0, d).ifPresent(s -> b.master = s))
            .on("notify_backup", (b, n, d) -> ScriptCommand.parse(n, 0, d).ifPresent(s -> b.backup = s))
            .on("notify_fault", (b, n, d) -> ScriptCommand.parse(n, 0, d).ifPresent(s -> b.fault = s))
            .on("notify_stop", (b, n, d) -> ScriptCommand.parse(n, 0, d).ifPresent(s -> b.stop = s))
            .on("notify_deleted", (b, n, d) -> {
                b.deleted = true;
                if (!n.args().isEmpty()) {
                    ScriptCommand.parse(n, 0, d).ifPresent(s -> b.deletedScript = s);
                }
            })
            .on("notify", (b, n, d) -> ScriptCommand.parse(n, 0, d).ifPresent(s -> b.any = s))
            .on("notify_priority_changes", (b, n, d) -> Arguments.bool(n, d).ifPresent(v -> b.priorityChanges = v))
            .on("smtp_alert", (b, n, d) -> Arguments.bool(n, d).ifPresent(v -> b.smtpAlert = v))
            .on("global_tracking", (b, n) -> b.globalTracking = true)
            .on("sync_group_tracking_weight", (b, n) -> b.trackingWeight = true);

    private SyncGroupReader() {
    }

    /** The group as written, with member locations for later checks. */
    record Read(VrrpSyncGroup group, List<SourceLocation> memberLocations) {
    }

    static Optional<Read> read(ConfigNode block, Diagnostics d) {
        String name = TrackerReaders.blockName(block, d);
        if (name == null) {
            return Optional.empty();
        }
        Group b = new Group();
        b.name = name;
        TABLE.apply(b, block.children(), d);
        NotifyScripts notify = new NotifyScripts(Optional.ofNullable(b.master), Optional.ofNullable(b.backup),
                Optional.ofNullable(b.fault), Optional.ofNullable(b.stop), b.deleted,
                Optional.ofNullable(b.deletedScript), Optional.ofNullable(b.any), Optional.empty());
        VrrpSyncGroup g = new VrrpSyncGroup(name, b.members, new Tracking(b.ifs, b.scripts, b.files, b.processes,
                b.bfds), notify, Optional.ofNullable(b.priorityChanges), Optional.ofNullable(b.smtpAlert),
                b.globalTracking, b.trackingWeight, block.location());
        return Optional.of(new Read(g, b.memberAt));
    }
}
