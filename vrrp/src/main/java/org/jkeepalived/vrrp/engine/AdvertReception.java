package org.jkeepalived.vrrp.engine;

import java.net.InetAddress;
import org.jkeepalived.core.time.Scheduler;
import org.jkeepalived.vrrp.packet.AddressText;
import org.jkeepalived.vrrp.packet.VrrpAdvert;

/**
 * How an instance answers an advert it receives: the BACKUP rules of RFC 5798 §6.4.2 (with keepalived's
 * preempt_delay) and the MASTER rules of §6.4.3 (with keepalived's re-assertion against a lower priority
 * master). It decides; the instance it belongs to changes state and owns the timers.
 */
final class AdvertReception {
    private static final long NANOS_PER_MICRO = 1_000;

    private final VrrpInstance instance;
    private final Scheduler scheduler;
    private boolean preemptTimeSet;
    private long preemptTime;
    private InetAddress masterAddress;
    private int masterPriority;

    AdvertReception(VrrpInstance instance, Scheduler scheduler) {
        this.instance = instance;
        this.scheduler = scheduler;
    }

    /** An advert for this instance's VRID and version, already validated by the codec. */
    void received(VrrpAdvert received, InetAddress source) {
        InstanceSpec spec = instance.spec();
        VrrpCounters counters = instance.counters();
        counters.advertsReceived++;
        int priority = received.priority();
        if (source.equals(spec.primaryAddress())) {
            counters.ownAdvertsDropped++;
            if (priority == instance.effectivePriority()) {
                instance.log("WARNING - equal priority advert received from remote host with our IP address.");
            }
            return;
        }
        // RFC 3768 §7.1: a v2 advert whose interval differs from ours is discarded.
        if (spec.version() == 2 && received.advertInterval() != spec.advertIntervalOnWire()) {
            counters.advertIntervalErrors++;
            instance.log("advertisement interval mismatch mine=" + spec.advertIntervalOnWire() + " sec rcv'd="
                    + received.advertInterval() + " sec");
            return;
        }
        if (priority == 0) {
            counters.priorityZeroReceived++;
        }
        if (instance.state() == VrrpState.BACKUP) {
            backupReceived(received, priority, source);
        } else {
            masterReceived(received, priority, source);
        }
    }

    /** The master last heard from (this instance itself when MASTER), and its priority. */
    void masterIs(InetAddress address, int priority) {
        masterAddress = address;
        masterPriority = priority;
    }

    InetAddress masterAddress() {
        return masterAddress;
    }

    int masterPriority() {
        return masterPriority;
    }

    /** Forgets a preempt_delay in progress (on entering any state but BACKUP). */
    void resetPreemptDelay() {
        preemptTimeSet = false;
    }

    private void backupReceived(VrrpAdvert received, int priority, InetAddress source) {
        InstanceSpec spec = instance.spec();
        int ours = instance.effectivePriority();
        long now = scheduler.nanoTime();
        if (priority == 0) {
            // RFC 5798 §6.4.2 (RFC 9568): the master stepped down; wait only Skew_Time.
            instance.log("Backup received priority 0 advertisement");
            instance.setMasterDownTimer(instance.skewTime());
        } else if (!spec.preempt() || priority >= ours
                || spec.preemptDelayMicros() > 0 && (!preemptTimeSet || preemptTime > now)) {
            // RFC 5798 §6.4.2: accept the master; v3 learns its interval (RFC 9568 §6.4.2).
            learnAdverInterval(received);
            masterIs(source, priority);
            instance.acceptedMaster();
            if (spec.preemptDelayMicros() > 0 && spec.preempt()) {
                if (priority > ours && preemptTimeSet) {
                    preemptTimeSet = false;
                    instance.log("stop preempt delay");
                } else if (priority < ours && !preemptTimeSet) {
                    preemptTimeSet = true;
                    preemptTime = now + spec.preemptDelayMicros() * NANOS_PER_MICRO;
                    instance.log("start preempt delay (" + seconds(spec.preemptDelayMicros()) + ")");
                }
            }
            instance.setMasterDownTimer(instance.masterDownInterval());
        } else {
            // RFC 5798 §6.4.2: preempting, so a lower priority advert does not reset the timer.
            masterIs(source, priority);
            instance.log("received lower priority (" + priority + ") advert from " + AddressText.of(source)
                    + " - discarding");
        }
    }

    private void masterReceived(VrrpAdvert received, int priority, InetAddress source) {
        InstanceSpec spec = instance.spec();
        int ours = instance.effectivePriority();
        Announcements announcements = instance.announcements();
        if (priority == 0) {
            // RFC 5798 §6.4.3: answer a stepping-down master at once so backups do not take over.
            instance.log("Master received priority 0 message");
            announcements.sendAndRestartTimer();
            return;
        }
        ours = instance.ownerConflict(AddressOwnerConflict.priorityAfter(priority, ours, instance::log));
        boolean higher = priority > ours;
        if (higher || priority == ours && compareAddresses(source, spec.primaryAddress()) > 0) {
            // RFC 5798 §6.4.3: yield to the better master.
            instance.log(higher
                    ? "Master received advert from " + AddressText.of(source) + " with higher priority "
                    + priority + ", ours " + ours
                    : "Master received advert from " + AddressText.of(source) + " with same priority "
                    + priority + " but higher IP address than ours");
            if (spec.higherPrioSendAdvert()) {
                announcements.sendNow();
            }
            learnAdverInterval(received);
            masterIs(source, priority);
            instance.acceptedMaster();
            instance.transition(VrrpState.BACKUP, higher ? TransitionReason.HIGHER_PRIORITY_ADVERT
                    : TransitionReason.HIGHER_ADDRESS_ADVERT);
            return;
        }
        // RFC 5798 §6.4.3 discards a lower priority advert; keepalived re-asserts unless lower_prio_no_advert.
        instance.listeners().onMasterReceivedLowerPriority(spec.name(), priority);
        String line = "Received advert from " + AddressText.of(source) + " with lower priority " + priority
                + ", ours " + ours;
        if (spec.lowerPrioNoAdvert()) {
            instance.log(line);
            return;
        }
        instance.log(line + ", forcing new election");
        announcements.reassert();
    }

    private void learnAdverInterval(VrrpAdvert received) {
        if (instance.spec().version() != 3) {
            return;
        }
        long interval = received.advertInterval() * 10_000L;
        long current = instance.masterAdverInterval();
        if (interval != current && interval > 0) {
            instance.log("advertisement interval updated from " + current / 1000 + "ms to " + interval / 1000
                    + "ms by master");
            instance.learnedAdverInterval(interval);
        }
    }

    private static String seconds(long micros) {
        return micros / 1_000_000 + "." + String.format("%06d", micros % 1_000_000);
    }

    /** Compares two addresses of one family as unsigned numbers (RFC 5798 §6.4.3 tie-break). */
    static int compareAddresses(InetAddress a, InetAddress b) {
        byte[] x = a.getAddress();
        byte[] y = b.getAddress();
        if (x.length != y.length) {
            return Integer.compare(x.length, y.length);
        }
        return java.util.Arrays.compareUnsigned(x, y);
    }
}
