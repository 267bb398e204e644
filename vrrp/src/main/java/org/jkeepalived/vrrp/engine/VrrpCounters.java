package org.jkeepalived.vrrp.engine;

/** Per-instance counters, named after keepalived's statistics (keepalived --dump / SNMP). */
public final class VrrpCounters {
    long advertsSent;
    long advertsReceived;
    long becomeMaster;
    long releaseMaster;
    long priorityZeroSent;
    long priorityZeroReceived;
    long advertIntervalErrors;
    long ownAdvertsDropped;
    long transitions;
    final long[] byReason = new long[TransitionReason.values().length];

    public long advertsSent() { return advertsSent; }
    public long advertsReceived() { return advertsReceived; }
    public long becomeMaster() { return becomeMaster; }
    public long releaseMaster() { return releaseMaster; }
    public long priorityZeroSent() { return priorityZeroSent; }
    public long priorityZeroReceived() { return priorityZeroReceived; }
    public long advertIntervalErrors() { return advertIntervalErrors; }
    public long ownAdvertsDropped() { return ownAdvertsDropped; }
    public long transitions() { return transitions; }

    /** How many transitions this instance made for {@code reason}. */
    public long transitions(TransitionReason reason) {
        return byReason[reason.ordinal()];
    }
}
