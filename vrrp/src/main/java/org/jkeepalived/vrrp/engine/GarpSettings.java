package org.jkeepalived.vrrp.engine;

/**
 * When a MASTER announces its virtual addresses (keepalived's garp_* keywords), in microseconds.
 *
 * @param masterDelayMicros          garp_master_delay: second burst after becoming MASTER (0: none)
 * @param masterRepeat               garp_master_repeat: messages per burst on becoming MASTER
 * @param masterRefreshMicros        garp_master_refresh: period of refresh bursts while MASTER (0: none)
 * @param masterRefreshRepeat        garp_master_refresh_repeat: messages per refresh burst
 * @param lowerPrioDelayMicros       garp_lower_prio_delay: second burst after a lower priority advert
 * @param lowerPrioRepeat            garp_lower_prio_repeat: messages per burst after a lower priority
 *                                   advert (0: none)
 */
public record GarpSettings(long masterDelayMicros, int masterRepeat, long masterRefreshMicros,
                           int masterRefreshRepeat, long lowerPrioDelayMicros, int lowerPrioRepeat) {
    /** keepalived's defaults: 5 messages, again 5 s later, no refresh; the same after lower priority. */
    public static final GarpSettings DEFAULTS = new GarpSettings(5_000_000, 5, 0, 1, 5_000_000, 5);

    public GarpSettings {
        if (masterDelayMicros < 0 || masterRefreshMicros < 0 || lowerPrioDelayMicros < 0) {
            throw new IllegalArgumentException("negative garp delay");
        }
        if (masterRepeat < 1 || masterRefreshRepeat < 1 || lowerPrioRepeat < 0) {
            throw new IllegalArgumentException("garp repeat out of range");
        }
    }
}
