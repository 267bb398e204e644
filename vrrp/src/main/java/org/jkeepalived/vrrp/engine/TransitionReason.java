package org.jkeepalived.vrrp.engine;

/** Why an instance changed state; carried to listeners (notify scripts, FIFO, logs, metrics). */
public enum TransitionReason {
    /** start(): a non-owner enters BACKUP (RFC 5798 §6.4.1). */
    STARTUP,
    /** start() or leaving FAULT as the address owner (priority 255): straight to MASTER. */
    ADDRESS_OWNER,
    /** The Master_Down_Timer fired: no advert from a master of higher or equal priority. */
    MASTER_DOWN_TIMER,
    /** A master saw an advert of higher priority and yielded. */
    HIGHER_PRIORITY_ADVERT,
    /** A master saw an advert of equal priority from a higher primary address and yielded. */
    HIGHER_ADDRESS_ADVERT,
    /** A tracked object with weight 0 failed, or a track_file value fell below -253. */
    TRACKER_FAULT,
    /** Every tracked object that had caused FAULT is healthy again. */
    FAULT_CLEARED,
    /** Another member of the sync group changed state and took this one along. */
    SYNC_GROUP,
    /** stop() was called. */
    SHUTDOWN
}
