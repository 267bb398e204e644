package org.jkeepalived.vrrp.notify;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jkeepalived.core.config.ScriptCommand;
import org.jkeepalived.core.config.vrrp.NotifyScripts;

/**
 * Which notify scripts an event runs and with which extra arguments, as keepalived 2.2.7 does (checked with a
 * script writing its argv under the real keepalived): the state's own script ({@code notify_master},
 * {@code notify_backup}, {@code notify_fault}, {@code notify_stop}, or {@code notify_master_rx_lower_pri})
 * with only its configured words, then {@code notify} with four more: {@code INSTANCE|GROUP}, the name, the
 * state and the priority. {@code notify} is not run for MASTER_RX_LOWER_PRI. Pure.
 */
public final class NotifyArguments {
    private NotifyArguments() {
    }

    /** One script to run and the arguments keepalived appends to its configured words. */
    public record Invocation(ScriptCommand script, List<String> extra) {
        public Invocation {
            extra = List.copyOf(extra);
        }
    }

    /** The scripts {@code event} runs, in keepalived's order. */
    public static List<Invocation> of(NotifyScripts scripts, NotifyEvent event) {
        List<Invocation> out = new ArrayList<>(2);
        specific(scripts, event.state()).ifPresent(s -> out.add(new Invocation(s, List.of())));
        if (!NotifyEvent.MASTER_RX_LOWER_PRI.equals(event.state())) {
            scripts.any().ifPresent(s -> out.add(new Invocation(s, List.of(event.kind().name(), event.name(),
                    event.state(), Integer.toString(event.priority())))));
        }
        return out;
    }

    private static Optional<ScriptCommand> specific(NotifyScripts s, String state) {
        return switch (state) {
            case "MASTER" -> s.master();
            case "BACKUP" -> s.backup();
            case "FAULT" -> s.fault();
            case "STOP" -> s.stop();
            case NotifyEvent.MASTER_RX_LOWER_PRI -> s.masterRxLowerPri();
            default -> Optional.empty();
        };
    }
}
