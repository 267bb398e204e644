package org.jkeepalived.vrrp.engine;

import java.util.function.Consumer;
import org.jkeepalived.core.time.Scheduler;
import org.jkeepalived.core.time.Timer;
import org.jkeepalived.vrrp.packet.AddressText;

/**
 * When a MASTER announces its virtual addresses: a burst on becoming MASTER and another
 * garp_master_delay later, a refresh burst every garp_master_refresh, and a burst (plus one
 * garp_lower_prio_delay later) when a lower priority advert shows another router thinks it is MASTER.
 */
final class GarpSchedule {
    private static final long NANOS_PER_MICRO = 1_000;

    private final InstanceSpec spec;
    private final Announcer announcer;
    private final Scheduler scheduler;
    private final GarpSettings garp;
    private final Consumer<String> log;
    private final Runnable delayedMasterBurst = this::delayedMasterBurst;
    private final Runnable refreshBurst = this::refreshBurst;
    private final Runnable delayedLowerPrioBurst = this::delayedLowerPrioBurst;
    private Timer delayed;
    private Timer refresh;
    private Timer lowerPrio;

    GarpSchedule(InstanceSpec spec, Announcer announcer, Scheduler scheduler, Consumer<String> log) {
        this.spec = spec;
        this.log = log;
        this.announcer = announcer;
        this.scheduler = scheduler;
        this.garp = spec.garp();
    }

    void becameMaster() {
        cancel();
        burst(garp.masterRepeat());
        if (garp.masterDelayMicros() > 0) {
            delayed = scheduler.schedule(garp.masterDelayMicros() * NANOS_PER_MICRO, delayedMasterBurst);
        }
        if (garp.masterRefreshMicros() > 0) {
            refresh = scheduler.schedule(garp.masterRefreshMicros() * NANOS_PER_MICRO, refreshBurst);
        }
    }

    void lowerPriorityAdvert() {
        if (garp.lowerPrioRepeat() == 0) {
            return;
        }
        burst(garp.lowerPrioRepeat());
        if (garp.lowerPrioDelayMicros() > 0) {
            if (lowerPrio != null) {
                lowerPrio.cancel();
            }
            lowerPrio = scheduler.schedule(garp.lowerPrioDelayMicros() * NANOS_PER_MICRO, delayedLowerPrioBurst);
        }
    }

    void cancel() {
        delayed = cancel(delayed);
        refresh = cancel(refresh);
        lowerPrio = cancel(lowerPrio);
    }

    private static Timer cancel(Timer t) {
        if (t != null) {
            t.cancel();
        }
        return null;
    }

    private void delayedMasterBurst() {
        delayed = null;
        burst(garp.masterRepeat());
    }

    private void refreshBurst() {
        burst(garp.masterRefreshRepeat());
        refresh = scheduler.schedule(garp.masterRefreshMicros() * NANOS_PER_MICRO, refreshBurst);
    }

    private void delayedLowerPrioBurst() {
        lowerPrio = null;
        burst(garp.lowerPrioRepeat());
    }

    private void burst(int repeat) {
        String what = spec.ipv6() ? "Unsolicited Neighbour Adverts" : "gratuitous ARPs";
        for (VirtualAddress v : spec.virtualAddresses()) {
            String device = v.device() != null ? v.device() : spec.interfaceName();
            log.accept("Sending/queueing " + what + " on " + device + " for " + AddressText.of(v.address()));
        }
        announcer.announce(spec, repeat);
    }
}
