package org.jkeepalived.vrrp.engine;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.jkeepalived.core.time.Scheduler;
import org.jkeepalived.core.time.Timer;
import org.jkeepalived.vrrp.packet.AddressText;
import org.jkeepalived.vrrp.packet.VrrpAdvert;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One VRRP instance: the state machine of RFC 5798 §6.4 (with the RFC 9568 corrections) and
 * keepalived 2.2's extensions (FAULT, tracking weights, preempt_delay, lower_prio_no_advert,
 * down_timer_adverts, sync groups). Single-threaded and free of I/O: inputs are the public methods
 * and the {@link Scheduler}'s timers, outputs go through the ports. Times are integer microseconds
 * computed as keepalived computes them (integer division truncates), scheduled in nanoseconds.
 */
public final class VrrpInstance {
    private static final Logger LOG = LoggerFactory.getLogger(VrrpInstance.class);
    private static final long NANOS_PER_MICRO = 1_000;

    private InstanceSpec spec;
    private final Scheduler scheduler;
    private final AddressInstaller installer;
    private final Announcer announcer;
    private final AdvertSender sender;
    private final List<TransitionListener> listeners = new ArrayList<>(2);
    private TrackerSet trackers;
    private GarpSchedule garps;
    private final VrrpCounters counters = new VrrpCounters();
    private AdvertOutput adverts;
    private final MasterDownTimer downTimer;
    private final Runnable onAdverTimer = this::adverTimerFired;
    private final String prefix;
    private SyncGroup group;
    private Consumer<String> logTap;

    private VrrpState state = VrrpState.INIT;
    private int effectivePriority;
    /** Master_Adver_Interval: ours when MASTER; learned from the master's adverts in v3 BACKUP. */
    private long masterAdverInterval;
    private Timer adverTimer;
    private boolean preemptTimeSet;
    private long preemptTime;
    private boolean wantMaster;
    private InetAddress masterAddress;
    private int masterPriority;
    private Transition lastTransition;

    public VrrpInstance(InstanceSpec spec, Scheduler scheduler, AdvertSender sender, AddressInstaller installer,
                        Announcer announcer) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.installer = Objects.requireNonNull(installer, "installer");
        this.announcer = Objects.requireNonNull(announcer, "announcer");
        this.sender = Objects.requireNonNull(sender, "sender");
        this.trackers = new TrackerSet(spec.tracked());
        this.garps = new GarpSchedule(spec, announcer, scheduler, this::log);
        this.prefix = "(" + spec.name() + ") ";
        this.effectivePriority = trackers.effectivePriority(spec.priority());
        this.masterAdverInterval = spec.advertIntervalMicros();
        this.adverts = new AdvertOutput(spec, sender, counters, effectivePriority);
        this.downTimer = new MasterDownTimer(scheduler, this::masterDown);
    }

    public void addListener(TransitionListener listener) {
        listeners.add(Objects.requireNonNull(listener));
    }

    /** Starts the instance (RFC 5798 §6.4.1): the owner becomes MASTER at once, others BACKUP. */
    public void start() {
        if (state != VrrpState.INIT && state != VrrpState.STOP) {
            return;
        }
        if (trackers.faultCause() != null || group != null && group.anyTrackerFault()) {
            transition(VrrpState.FAULT, TransitionReason.TRACKER_FAULT);
        } else if (spec.addressOwner()) {
            transition(VrrpState.MASTER, TransitionReason.ADDRESS_OWNER);
        } else {
            // keepalived clears VIPs a previous run may have left before entering BACKUP (init).
            removeAddresses();
            transition(VrrpState.BACKUP, TransitionReason.STARTUP);
        }
    }

    /** Stops the instance; a MASTER sends priority 0 first (RFC 5798 §6.4.3, Shutdown). */
    public void stop() {
        if (state != VrrpState.STOP) {
            transition(VrrpState.STOP, TransitionReason.SHUTDOWN);
        }
    }

    /** An advert for this VRID, already validated by the codec (checksum, TTL, auth, length). */
    public void receivedAdvert(VrrpAdvert received, InetAddress source) {
        if (state != VrrpState.BACKUP && state != VrrpState.MASTER
                || received.vrid() != spec.vrid() || received.version() != spec.version()) {
            return;
        }
        counters.advertsReceived++;
        int priority = received.priority();
        if (source.equals(spec.primaryAddress())) {
            counters.ownAdvertsDropped++;
            if (priority == effectivePriority) {
                log("WARNING - equal priority advert received from remote host with our IP address.");
            }
            return;
        }
        // RFC 3768 §7.1: a v2 advert whose interval differs from ours is discarded.
        if (spec.version() == 2 && received.advertInterval() != spec.advertIntervalOnWire()) {
            counters.advertIntervalErrors++;
            log("advertisement interval mismatch mine=" + spec.advertIntervalOnWire() + " sec rcv'd="
                    + received.advertInterval() + " sec");
            return;
        }
        if (priority == 0) {
            counters.priorityZeroReceived++;
        }
        if (state == VrrpState.BACKUP) {
            backupReceived(received, priority, source);
        } else {
            masterReceived(received, priority, source);
        }
    }

    /** track_interface input: the named interface went up or down. */
    public void interfaceChanged(String interfaceName, boolean up) {
        if (trackers.setStatus(TrackedObject.Kind.INTERFACE, interfaceName, up)) {
            trackersChanged();
        }
    }

    /** track_script input: the named vrrp_script's result after its rise/fall counting. */
    public void scriptResult(String scriptName, boolean ok) {
        if (trackers.setStatus(TrackedObject.Kind.SCRIPT, scriptName, ok)) {
            trackersChanged();
        }
    }

    /** track_file input: the number read from the named track_file. */
    public void fileValue(String fileName, long value) {
        if (trackers.setFileValue(fileName, value)) {
            trackersChanged();
        }
    }

    private void backupReceived(VrrpAdvert received, int priority, InetAddress source) {
        long now = scheduler.nanoTime();
        if (priority == 0) {
            // RFC 5798 §6.4.2 (RFC 9568): the master stepped down; wait only Skew_Time.
            log("Backup received priority 0 advertisement");
            downTimer.set(skewTime());
        } else if (!spec.preempt() || priority >= effectivePriority
                || spec.preemptDelayMicros() > 0 && (!preemptTimeSet || preemptTime > now)) {
            // RFC 5798 §6.4.2: accept the master; v3 learns its interval (RFC 9568 §6.4.2).
            learnAdverInterval(received);
            masterAddress = source;
            masterPriority = priority;
            wantMaster = false;
            if (spec.preemptDelayMicros() > 0 && spec.preempt()) {
                if (priority > effectivePriority && preemptTimeSet) {
                    preemptTimeSet = false;
                    log("stop preempt delay");
                } else if (priority < effectivePriority && !preemptTimeSet) {
                    preemptTimeSet = true;
                    preemptTime = now + spec.preemptDelayMicros() * NANOS_PER_MICRO;
                    log("start preempt delay (" + seconds(spec.preemptDelayMicros()) + ")");
                }
            }
            downTimer.set(masterDownInterval());
        } else {
            // RFC 5798 §6.4.2: preempting, so a lower priority advert does not reset the timer.
            masterAddress = source;
            masterPriority = priority;
            log("received lower priority (" + priority + ") advert from " + AddressText.of(source) + " - discarding");
        }
    }

    private void masterReceived(VrrpAdvert received, int priority, InetAddress source) {
        if (priority == 0) {
            // RFC 5798 §6.4.3: answer a stepping-down master at once so backups do not take over.
            log("Master received priority 0 message");
            adverts.send();
            armAdverTimer();
            return;
        }
        effectivePriority = AddressOwnerConflict.priorityAfter(priority, effectivePriority, this::log);
        boolean higher = priority > effectivePriority;
        if (higher || priority == effectivePriority && compareAddresses(source, spec.primaryAddress()) > 0) {
            // RFC 5798 §6.4.3: yield to the better master.
            log(higher
                    ? "Master received advert from " + AddressText.of(source) + " with higher priority "
                    + priority + ", ours " + effectivePriority
                    : "Master received advert from " + AddressText.of(source) + " with same priority "
                    + priority + " but higher IP address than ours");
            if (spec.higherPrioSendAdvert()) {
                adverts.send();
            }
            learnAdverInterval(received);
            masterAddress = source;
            masterPriority = priority;
            transition(VrrpState.BACKUP, higher ? TransitionReason.HIGHER_PRIORITY_ADVERT
                    : TransitionReason.HIGHER_ADDRESS_ADVERT);
            return;
        }
        // RFC 5798 §6.4.3 discards a lower priority advert; keepalived re-asserts unless lower_prio_no_advert.
        for (int i = 0; i < listeners.size(); i++) {
            listeners.get(i).onMasterReceivedLowerPriority(spec.name(), priority);
        }
        if (spec.lowerPrioNoAdvert()) {
            log("Received advert from " + AddressText.of(source) + " with lower priority " + priority + ", ours "
                    + effectivePriority);
            return;
        }
        log("Received advert from " + AddressText.of(source) + " with lower priority " + priority + ", ours "
                + effectivePriority + ", forcing new election");
        adverts.send();
        garps.lowerPriorityAdvert();
    }

    private void learnAdverInterval(VrrpAdvert received) {
        if (spec.version() != 3) {
            return;
        }
        long interval = received.advertInterval() * 10_000L;
        if (interval != masterAdverInterval && interval > 0) {
            log("advertisement interval updated from " + masterAdverInterval / 1000 + "ms to " + interval / 1000
                    + "ms by master");
            masterAdverInterval = interval;
        }
    }

    /**
     * Applies a reloaded configuration in place (SIGHUP), as keepalived 2.2.7 does for an instance that
     * keeps its name and virtual router: no transition of its own and no notification. A MASTER logs the
     * VIPs dropped and {@code setting VIPs.}, removes only those VIPs (routes, rules) and installs only
     * those added ({@link AddressInstaller#update}), sends its gratuitous ARPs again, and advertises the
     * new VIP list, priority and interval from the next advert on. Tracked objects tracked before keep
     * their status, new ones start healthy (the wiring feeds their real status next); the effective
     * priority is recomputed, and a tracker now holding the instance in FAULT (or no longer) moves it as
     * any tracker change does. A changed priority otherwise acts through the election: a MASTER now below
     * its backup loses by preemption, a BACKUP now above the master preempts on its next advert.
     *
     * @throws IllegalArgumentException when {@code next} is another virtual router
     *                                  ({@link InstanceSpec#sameRouterAs}): that takes a stop and a start
     */
    public void reconfigure(InstanceSpec next) {
        if (!spec.sameRouterAs(next)) {
            throw new IllegalArgumentException("(" + spec.name() + ") cannot be reconfigured in place into "
                    + next.name() + " VRID " + next.vrid());
        }
        InstanceSpec before = spec;
        spec = next;
        trackers = trackers.carriedTo(next.tracked());
        // keepalived logs no "Changing effective priority" for a priority a reload sets
        effectivePriority = trackers.effectivePriority(next.priority());
        adverts = new AdvertOutput(next, sender, counters, effectivePriority);
        garps.cancel();
        garps = new GarpSchedule(next, announcer, scheduler, this::log);
        if (state == VrrpState.MASTER) {
            masterAdverInterval = next.advertIntervalMicros();
            masterPriority = effectivePriority;
            for (VirtualAddress v : before.virtualAddresses()) {
                if (!next.virtualAddresses().contains(v)) {
                    log("ip address " + AddressText.of(v.address()) + "/" + v.prefixLength() + " dev "
                            + (v.device() != null ? v.device() : next.interfaceName()) + ", no longer exist");
                }
            }
            log("setting VIPs.");
            installer.update(before, next);
            garps.becameMaster();
            if (before.advertIntervalMicros() != next.advertIntervalMicros()) {
                armAdverTimer();
            }
        } else if (next.version() == 2 || state != VrrpState.BACKUP) {
            // a v3 BACKUP keeps the interval it learned from the master (RFC 9568 §6.4.2)
            masterAdverInterval = next.advertIntervalMicros();
        }
        trackersChanged();
    }

    private void trackersChanged() {
        int priority = trackers.effectivePriority(spec.priority());
        if (priority != effectivePriority) {
            log("Changing effective priority from " + effectivePriority + " to " + priority);
            effectivePriority = priority;
            adverts.priorityChanged(priority);
        }
        if (state == VrrpState.INIT || state == VrrpState.STOP) {
            return;
        }
        TrackedObject cause = trackers.faultCause();
        if (cause != null && state != VrrpState.FAULT) {
            // keepalived writes these three with a colon after the name: "(VI_1): entering FAULT state ..."
            logLine("(" + spec.name() + "): " + faultLine(cause));
            transition(VrrpState.FAULT, TransitionReason.TRACKER_FAULT);
        } else if (cause == null && state == VrrpState.FAULT && (group == null || !group.anyTrackerFault())) {
            leaveFault(TransitionReason.FAULT_CLEARED);
        }
    }

    private String faultLine(TrackedObject cause) {
        return switch (cause.kind()) {
            case INTERFACE -> "entering FAULT state (interface " + cause.name() + " down)";
            case SCRIPT -> "entering FAULT state due to script " + cause.name();
            case FILE -> "entering FAULT state (tracked file " + cause.name() + " has status "
                    + trackers.fileValue(cause) + ")";
        };
    }

    void leaveFault(TransitionReason reason) {
        transition(spec.addressOwner() ? VrrpState.MASTER : VrrpState.BACKUP, reason);
    }

    private void masterDown() {
        // RFC 5798 §6.4.2: Master_Down_Timer fired.
        log("Receive advertisement timeout");
        wantMaster = true;
        if (group == null || group.allWantMaster()) {
            transition(VrrpState.MASTER, TransitionReason.MASTER_DOWN_TIMER);
        }
    }

    private void adverTimerFired() {
        // RFC 5798 §6.4.3: Adver_Timer fired.
        adverTimer = null;
        adverts.send();
        armAdverTimer();
    }

    /**
     * The one place where the state changes: logs the keepalived line, runs the exit and entry
     * actions, counts, and tells the listeners and the sync group.
     */
    void transition(VrrpState to, TransitionReason reason) {
        VrrpState from = state;
        if (from == to) {
            return;
        }
        if (to != VrrpState.STOP) {
            // keepalived writes no "Entering" line on shutdown: only "sent 0 priority" / "removing VIPs."
            log("Entering " + to + " STATE" + (from == VrrpState.INIT ? " (init)" : ""));
        }
        if (from == VrrpState.MASTER) {
            cancelAdverTimer();
            garps.cancel();
            if (to == VrrpState.FAULT || to == VrrpState.STOP) {
                // RFC 5798 §6.4.3 Shutdown; keepalived does the same on MASTER -> FAULT.
                adverts.sendStop();
                log("sent 0 priority");
            }
            removeAddresses();
            counters.releaseMaster++;
        }
        downTimer.cancel();
        state = to;
        wantMaster = false;
        counters.transitions++;
        counters.byReason[reason.ordinal()]++;
        lastTransition = new Transition(from, to, reason, scheduler.nanoTime(), effectivePriority);
        switch (to) {
            case MASTER -> {
                // RFC 5798 §6.4.1 / §6.4.2: advertise, announce, start the Adver_Timer.
                counters.becomeMaster++;
                preemptTimeSet = false;
                masterAdverInterval = spec.advertIntervalMicros();
                masterAddress = spec.primaryAddress();
                masterPriority = effectivePriority;
                log("setting VIPs.");
                installer.install(spec);
                adverts.send();
                garps.becameMaster();
                armAdverTimer();
            }
            case BACKUP -> {
                long extra = 0;
                if (reason == TransitionReason.STARTUP || reason == TransitionReason.FAULT_CLEARED) {
                    // RFC 5798 §6.4.1: Master_Adver_Interval starts as our own Advertisement_Interval.
                    masterAdverInterval = spec.advertIntervalMicros();
                    // keepalived.conf(5): preempt_delay also delays the first takeover after startup.
                    extra = spec.preempt() ? spec.preemptDelayMicros() : 0;
                }
                downTimer.set(masterDownInterval() + extra);
            }
            default -> preemptTimeSet = false;
        }
        for (int i = 0; i < listeners.size(); i++) {
            listeners.get(i).onTransition(spec.name(), to, from, reason, effectivePriority);
        }
        if (group != null && reason != TransitionReason.SYNC_GROUP) {
            group.memberChanged(this, to, from);
        }
    }

    /** Skew_Time in µs: RFC 3768 §6.1 for v2, RFC 5798 §6.1 for v3, truncated as keepalived does. */
    public long skewTime() {
        long factor = 256 - effectivePriority;
        return spec.version() == 2 ? factor * 1_000_000 / 256 : factor * masterAdverInterval / 256;
    }

    /** Master_Down_Interval in µs: down_timer_adverts (RFC: 3) × Master_Adver_Interval + Skew_Time. */
    public long masterDownInterval() {
        return spec.downTimerAdverts() * masterAdverInterval + skewTime();
    }

    /** Master_Adver_Interval in µs. */
    public long masterAdverInterval() {
        return masterAdverInterval;
    }

    public VrrpState state() {
        return state;
    }

    public int effectivePriority() {
        return effectivePriority;
    }

    public InstanceSpec spec() {
        return spec;
    }

    public String name() {
        return spec.name();
    }

    public VrrpCounters counters() {
        return counters;
    }

    /** The address of the last master heard from (ours when MASTER), or null. */
    public InetAddress masterAddress() {
        return masterAddress;
    }

    public int masterPriority() {
        return masterPriority;
    }

    /** Whether a tracked object currently holds this instance in FAULT. */
    public boolean trackerFault() {
        return trackers.faultCause() != null;
    }

    /** The last state change, or null before start(). */
    public Transition lastTransition() {
        return lastTransition;
    }

    /** Each tracked object's current result and what it adds to the base priority, in configuration order. */
    public List<TrackerStatus> trackerStatus() {
        return trackers.status(spec.priority());
    }

    /**
     * One state change, for status output.
     *
     * @param from              the state left
     * @param to                the state entered
     * @param reason            why
     * @param nanoTime          when, on the scheduler's clock
     * @param effectivePriority the effective priority at that moment
     */
    public record Transition(VrrpState from, VrrpState to, TransitionReason reason, long nanoTime,
                             int effectivePriority) {
    }

    /** The advert this instance sends now (shared, unchanged while the priority is). */
    public VrrpAdvert currentAdvert() {
        return adverts.current();
    }

    boolean wantsMaster() {
        return wantMaster;
    }

    void joinGroup(SyncGroup syncGroup) {
        if (group != null && group != syncGroup) {
            throw new IllegalStateException(spec.name() + " is already in sync group " + group.name());
        }
        group = syncGroup;
    }

    /** Test hook: receives every log line as formatted, beside slf4j. */
    void logTap(Consumer<String> tap) {
        logTap = tap;
    }

    private void log(String message) {
        logLine(prefix + message);
    }

    private void logLine(String line) {
        LOG.info(line);
        if (logTap != null) {
            logTap.accept(line);
        }
    }

    private void removeAddresses() {
        log("removing VIPs.");
        installer.remove(spec);
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
