package org.jkeepalived.core.config.vrrp;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.jkeepalived.core.config.SourceLocation;

/**
 * A {@code vrrp_track_process} block: a process (name and optional parameters) whose number of
 * running copies must lie in [quorum, quorumMax]. Defaults: weight 1, quorum 1, no maximum, no
 * delays, match on the process name.
 *
 * @param paramMatch {@code param_match initial|partial}, absent for an exact match
 */
public record VrrpTrackProcess(String name, List<String> process, Optional<String> paramMatch, int weight,
                               boolean weightReverse, int quorum, OptionalInt quorumMax, Duration forkDelay,
                               Duration terminateDelay, boolean fullCommand, SourceLocation location) {
    public VrrpTrackProcess {
        process = List.copyOf(process);
    }
}
