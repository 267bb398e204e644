package org.jkeepalived.vrrp.engine;

import java.util.function.Consumer;
import org.jkeepalived.core.time.Scheduler;
import org.jkeepalived.core.time.Timer;
import org.jkeepalived.vrrp.packet.VrrpAdvert;

/**
 * What a MASTER tells the LAN: an advert every Advertisement_Interval (RFC 5798 §6.4.3, Adver_Timer), the
 * priority 0 advert when it leaves, and its gratuitous ARP / unsolicited NA bursts ({@link GarpSchedule}).
 * A reload swaps the adverts and bursts for the new configuration ({@link #reconfigured}).
 */
final class Announcements {
    private static final long NANOS_PER_MICRO = 1_000;

    private final Scheduler scheduler;
    private final AdvertSender sender;
    private final Announcer announcer;
    private final VrrpCounters counters;
    private final Consumer<String> log;
    private final Runnable onAdverTimer = this::adverTimerFired;
    private InstanceSpec spec;
    private AdvertOutput adverts;
    private GarpSchedule garps;
    private Timer adverTimer;

    Announcements(InstanceSpec spec, Scheduler scheduler, AdvertSender sender, Announcer announcer,
                  VrrpCounters counters, int priority, Consumer<String> log) {
        this.scheduler = scheduler;
        this.sender = sender;
        this.announcer = announcer;
        this.counters = counters;
        this.log = log;
        this.spec = spec;
        this.adverts = new AdvertOutput(spec, sender, counters, priority);
        this.garps = new GarpSchedule(spec, announcer, scheduler, log);
    }

    /** RFC 5798 §6.4.1 / §6.4.2 on becoming MASTER: advertise, announce, start the Adver_Timer. */
    void becameMaster() {
        adverts.send();
        garps.becameMaster();
        armAdverTimer();
    }

    /** Leaving MASTER: the timers stop; with {@code stepDown}, a priority 0 advert goes out (RFC 5798 §6.4.3). */
    void leftMaster(boolean stepDown) {
        cancelAdverTimer();
        garps.cancel();
        if (stepDown) {
            adverts.sendStop();
            log.accept("sent 0 priority");
        }
    }

    /** Sends one advert now, leaving the Adver_Timer as it is. */
    void sendNow() {
        adverts.send();
    }

    /** Sends one advert now and restarts the Adver_Timer from it. */
    void sendAndRestartTimer() {
        adverts.send();
        armAdverTimer();
    }

    /** A lower priority router thinks it is MASTER: advertise and announce again (keepalived's re-assertion). */
    void reassert() {
        adverts.send();
        garps.lowerPriorityAdvert();
    }

    void priorityChanged(int priority) {
        adverts.priorityChanged(priority);
    }

    /** Takes a reloaded configuration: adverts and bursts follow {@code next} from now on. */
    void reconfigured(InstanceSpec next, int priority) {
        spec = next;
        adverts = new AdvertOutput(next, sender, counters, priority);
        garps.cancel();
        garps = new GarpSchedule(next, announcer, scheduler, log);
    }

    /** A MASTER's addresses changed in place: announce them again, restarting the Adver_Timer if asked. */
    void reannounce(boolean restartTimer) {
        garps.becameMaster();
        if (restartTimer) {
            armAdverTimer();
        }
    }

    VrrpAdvert current() {
        return adverts.current();
    }

    private void adverTimerFired() {
        // RFC 5798 §6.4.3: Adver_Timer fired.
        adverTimer = null;
        adverts.send();
        armAdverTimer();
    }

    private void armAdverTimer() {
        cancelAdverTimer();
        adverTimer = scheduler.schedule(spec.advertIntervalMicros() * NANOS_PER_MICRO, onAdverTimer);
    }

    private void cancelAdverTimer() {
        if (adverTimer != null) {
            adverTimer.cancel();
            adverTimer = null;
        }
    }
}
