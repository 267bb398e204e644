package org.jkeepalived.core.config.vrrp;

import java.util.Optional;
import org.jkeepalived.core.config.ScriptCommand;

/**
 * The notify scripts of a vrrp_instance or vrrp_sync_group: {@code notify_master}, {@code
 * notify_backup}, {@code notify_fault}, {@code notify_stop}, {@code notify_deleted} (which may come
 * without a script: it then only makes keepalived report DELETED instead of FAULT), {@code notify}
 * (any transition, called after the specific one) and, for instances,
 * {@code notify_master_rx_lower_pri}.
 */
public record NotifyScripts(Optional<ScriptCommand> master, Optional<ScriptCommand> backup,
                            Optional<ScriptCommand> fault, Optional<ScriptCommand> stop,
                            boolean notifyDeleted, Optional<ScriptCommand> deleted, Optional<ScriptCommand> any,
                            Optional<ScriptCommand> masterRxLowerPri) {
    public static final NotifyScripts NONE = new NotifyScripts(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), false, Optional.empty(), Optional.empty(), Optional.empty());
}
