package org.jkeepalived.core.config.lvs;

import java.util.Objects;
import java.util.Optional;

/**
 * A script keepalived runs on a state change ({@code notify_up}, {@code quorum_down}, …): the command line
 * as written, and the user/group to run it as when given (otherwise the global script user).
 */
public record NotifyScript(String command, Optional<String> user, Optional<String> group) {
    public NotifyScript {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(group, "group");
    }
}
