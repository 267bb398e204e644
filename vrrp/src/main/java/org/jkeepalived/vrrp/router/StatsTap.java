package org.jkeepalived.vrrp.router;

import org.jkeepalived.vrrp.engine.AdvertSender;
import org.jkeepalived.vrrp.engine.TransitionListener;
import org.jkeepalived.vrrp.engine.VrrpState;
import org.jkeepalived.vrrp.packet.VrrpStats;

/**
 * Feeds an instance's send side into its {@link VrrpStats} (the receive side is counted by its
 * advert filter), so one object holds everything keepalived's stats file and JSON dump show.
 */
final class StatsTap {
    private StatsTap() {
    }

    /** Counts every advert the instance sends (pri_zero_sent included), then sends it. */
    static AdvertSender counting(AdvertSender sender, VrrpStats stats) {
        return (advert, destination) -> {
            stats.advertSent(advert.priority());
            sender.sendAdvert(advert, destination);
        };
    }

    /** Counts become_master and release_master. */
    static TransitionListener counting(VrrpStats stats) {
        return (instance, to, from, reason, priority) -> {
            if (to == VrrpState.MASTER) {
                stats.becameMaster();
            } else if (from == VrrpState.MASTER) {
                stats.releasedMaster();
            }
        };
    }
}
