package org.jkeepalived.core.config.global;

import java.time.Duration;
import java.util.Optional;

/**
 * The global gratuitous ARP / unsolicited NA defaults ({@code vrrp_garp_*}, {@code vrrp_gna_interval},
 * {@code vrrp_min_garp}) that every vrrp_instance inherits unless it sets its own {@code garp_*}.
 *
 * <p>keepalived defaults: master delay 5 s, master repeat 5, refresh off (0), refresh repeat 1,
 * intervals 0. The lower-priority delay/repeat default to the master ones when absent.
 * {@code vrrp_min_garp} sets repeat 1 and delay 0 (applied when read, as keepalived does).
 */
public record GarpDefaults(Duration masterDelay, int masterRepeat, Optional<Duration> lowerPrioDelay,
                           Optional<Integer> lowerPrioRepeat, Duration masterRefresh, int masterRefreshRepeat,
                           Duration garpInterval, Duration gnaInterval, boolean minGarp,
                           Optional<GarpExtraIf> extraIf) {
    public static final GarpDefaults DEFAULT = new GarpDefaults(Duration.ofSeconds(5), 5, Optional.empty(),
            Optional.empty(), Duration.ZERO, 1, Duration.ZERO, Duration.ZERO, false, Optional.empty());

    /** The effective delay after a lower-priority advert: the explicit value or the master delay. */
    public Duration effectiveLowerPrioDelay() {
        return lowerPrioDelay.orElse(masterDelay);
    }

    public int effectiveLowerPrioRepeat() {
        return lowerPrioRepeat.orElse(masterRepeat);
    }

    /** {@code vrrp_garp_extra_if [all] SECS} / {@code garp_extra_if [all] SECS}: periodic GARP on other interfaces. */
    public record GarpExtraIf(boolean all, Duration interval) {
    }
}
