package org.jkeepalived.vrrp.notify;

import java.util.Objects;

/**
 * One thing keepalived tells its notify scripts, FIFOs and mail about: an instance or sync group entering a
 * state (or a MASTER instance hearing a lower priority), with the priority keepalived reports (the instance's
 * effective priority; 0 for a group).
 *
 * @param kind     INSTANCE or GROUP
 * @param name     the vrrp_instance or vrrp_sync_group name
 * @param state    MASTER, BACKUP, FAULT, STOP, MASTER_RX_LOWER_PRI, MASTER_PRIORITY or BACKUP_PRIORITY, as
 *                 keepalived spells it
 * @param priority the priority keepalived passes
 */
public record NotifyEvent(Kind kind, String name, String state, int priority) {
    /** Whose event it is. */
    public enum Kind {
        INSTANCE,
        GROUP
    }

    public static final String MASTER_RX_LOWER_PRI = "MASTER_RX_LOWER_PRI";
    /** notify_priority_changes: the priority of a MASTER changed (FIFO only). */
    public static final String MASTER_PRIORITY = "MASTER_PRIORITY";
    /** notify_priority_changes: the priority of an instance in any other state changed (FIFO only). */
    public static final String BACKUP_PRIORITY = "BACKUP_PRIORITY";

    public NotifyEvent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(state, "state");
    }

    /**
     * The FIFO line keepalived writes (checked against keepalived 2.2.7 reading its vrrp_notify_fifo):
     * {@code INSTANCE "VI_1" MASTER 100} or {@code GROUP "G1" BACKUP 0}, newline-terminated.
     */
    public String fifoLine() {
        return kind + " \"" + name + "\" " + state + " " + priority + "\n";
    }
}
