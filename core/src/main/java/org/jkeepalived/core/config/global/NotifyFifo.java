package org.jkeepalived.core.config.global;

import java.util.Optional;
import org.jkeepalived.core.config.ScriptCommand;

/**
 * A FIFO keepalived writes notify events to ({@code notify_fifo}, {@code vrrp_notify_fifo},
 * {@code lvs_notify_fifo}), with the optional user/group owning it and the optional
 * {@code *_fifo_script} that reads it (the FIFO name is passed as the script's last argument).
 */
public record NotifyFifo(String name, Optional<String> user, Optional<String> group,
                         Optional<ScriptCommand> script) {
}
