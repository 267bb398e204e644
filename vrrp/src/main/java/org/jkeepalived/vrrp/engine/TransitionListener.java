package org.jkeepalived.vrrp.engine;

/** Observer of instance state changes: notify scripts, the notify FIFO, logs and metrics. */
@FunctionalInterface
public interface TransitionListener {
    void onTransition(String instance, VrrpState newState, VrrpState previous, TransitionReason reason,
                      int effectivePriority);

    /**
     * A MASTER received an advert of lower priority (keepalived's {@code MASTER_RX_LOWER_PRI} FIFO
     * line); most listeners ignore it.
     */
    default void onMasterReceivedLowerPriority(String instance, int advertPriority) {
    }

    /**
     * A started instance's effective priority changed through its tracked objects (not through a reload), in
     * {@code state}; for keepalived's {@code notify_priority_changes} FIFO lines.
     */
    default void onPriorityChanged(String instance, VrrpState state, int effectivePriority) {
    }

    /** Ignores everything. */
    TransitionListener NONE = (i, n, p, r, e) -> { };
}
