package org.jkeepalived.vrrp.engine;

import java.net.InetAddress;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.jkeepalived.core.time.Scheduler;
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

    private InstanceSpec spec;
    private final Scheduler scheduler;
    private final AddressInstaller installer;
    private final TransitionListeners listeners = new TransitionListeners();
    private TrackerSet trackers;
    private final VrrpCounters counters = new VrrpCounters();
    private final Announcements announcements;
    private final AdvertReception reception;
    private final MasterDownTimer downTimer;
    private final String prefix;
    private SyncGroup group;
    private Consumer<String> logTap;

    private VrrpState state = VrrpState.INIT;
    private int effectivePriority;
    /** Master_Adver_Interval: ours when MASTER; learned from the master's adverts in v3 BACKUP. */
    private long masterAdverInterval;
    private boolean wantMaster;
    /** start() was called while a weight-0 script had no result: the instance waits in INIT for it. */
    private boolean awaitingScripts;
    private Transition lastTransition;

    public VrrpInstance(InstanceSpec spec, Scheduler scheduler, AdvertSender sender, AddressInstaller installer,
                        Announcer announcer) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.installer = Objects.requireNonNull(installer, "installer");
        this.trackers = new TrackerSet(spec.tracked());
        this.prefix = "(" + spec.name() + ") ";
        this.effectivePriority = trackers.effectivePriority(spec.priority());
        this.masterAdverInterval = spec.advertIntervalMicros();
        this.announcements = new Announcements(spec, scheduler, Objects.requireNonNull(sender, "sender"),
                Objects.requireNonNull(announcer, "announcer"), counters, effectivePriority, this::log);
        this.downTimer = new MasterDownTimer(scheduler, this::masterDown);
        this.reception = new AdvertReception(this, scheduler);
    }

    public void addListener(TransitionListener listener) {
        listeners.add(listener);
    }

    /**
     * Starts the instance (RFC 5798 §6.4.1): the owner becomes MASTER at once, others BACKUP. While a
     * weight-0 track_script has no result yet ({@link #scriptPending}) the instance stays in INIT, as
     * keepalived 2.2.7 does, and takes its first state when the last such script reports.
     */
    public void start() {
        if (state != VrrpState.INIT && state != VrrpState.STOP) {
            return;
        }
        if (trackers.awaitingFirstResult() && trackers.faultCause() == null) {
            removeAddresses();
            awaitingScripts = true;
            return;
        }
        firstState();
    }

    private void firstState() {
        if (trackers.faultCause() != null || group != null && group.anyTrackerFault()) {
            transition(VrrpState.FAULT, TransitionReason.TRACKER_FAULT);
        } else if (spec.addressOwner()) {
            transition(VrrpState.MASTER, TransitionReason.ADDRESS_OWNER);
        } else {
            if (!awaitingScripts) {
                // keepalived clears VIPs a previous run may have left before entering BACKUP (init).
                removeAddresses();
            }
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
        reception.received(received, source);
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

    /**
     * track_script input: the named vrrp_script has no result yet (keepalived's INIT): its weight is not
     * applied either way, it holds nothing in FAULT, and with weight 0 it keeps a starting instance in INIT.
     */
    public void scriptPending(String scriptName) {
        if (trackers.setPending(scriptName)) {
            if (state == VrrpState.INIT && !awaitingScripts) {
                // not started: the priority starts here, it does not change (keepalived logs nothing)
                effectivePriority = trackers.effectivePriority(spec.priority());
                announcements.priorityChanged(effectivePriority);
                return;
            }
            trackersChanged();
        }
    }

    /** Takes the priority {@link AddressOwnerConflict} leaves a MASTER with, and returns it. */
    int ownerConflict(int priority) {
        if (priority != effectivePriority) {
            effectivePriority = priority;
            announcements.priorityChanged(priority);
        }
        return priority;
    }

    /** track_file input: the number read from the named track_file. */
    public void fileValue(String fileName, long value) {
        if (trackers.setFileValue(fileName, value)) {
            trackersChanged();
        }
    }

    /**
     * Applies a reloaded configuration for the same virtual router in place (SIGHUP), as keepalived 2.2.7 does:
     * see {@link Reconfiguration}.
     *
     * @throws IllegalArgumentException when {@code next} is another virtual router
     *                                  ({@link InstanceSpec#sameRouterAs}): that takes a stop and a start
     */
    public void reconfigure(InstanceSpec next) {
        Reconfiguration change = new Reconfiguration(spec, next);
        spec = next;
        trackers = trackers.carriedTo(next.tracked());
        // keepalived logs no "Changing effective priority" for a priority a reload sets
        effectivePriority = trackers.effectivePriority(next.priority());
        announcements.reconfigured(next, effectivePriority);
        if (state == VrrpState.MASTER) {
            masterAdverInterval = next.advertIntervalMicros();
            reception.masterIs(reception.masterAddress(), effectivePriority);
            change.droppedAddressLines().forEach(this::log);
            log("setting VIPs.");
            installer.update(change.before(), next);
            announcements.reannounce(change.intervalChanged());
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
            announcements.priorityChanged(priority);
            if (state != VrrpState.STOP && (state != VrrpState.INIT || awaitingScripts)) {
                listeners.onPriorityChanged(spec.name(), state, priority);
            }
        }
        if (awaitingScripts && state == VrrpState.INIT && !trackers.awaitingFirstResult()) {
            // keepalived 2.2.7 logs "Entering BACKUP STATE" without "(init)" here, and nothing for FAULT
            firstState();
            return;
        }
        if (state == VrrpState.INIT || state == VrrpState.STOP) {
            return;
        }
        TrackedObject cause = trackers.faultCause();
        if (cause != null && state != VrrpState.FAULT) {
            // keepalived writes these three with a colon after the name: "(VI_1): entering FAULT state ..."
            logLine("(" + spec.name() + "): " + trackers.faultLine(cause));
            transition(VrrpState.FAULT, TransitionReason.TRACKER_FAULT);
        } else if (cause == null && state == VrrpState.FAULT && (group == null || !group.anyTrackerFault())) {
            leaveFault(TransitionReason.FAULT_CLEARED);
        }
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

    /**
     * The one place where the state changes: logs the keepalived line, runs the exit and entry
     * actions, counts, and tells the listeners and the sync group.
     */
    void transition(VrrpState to, TransitionReason reason) {
        VrrpState from = state;
        if (from == to) {
            return;
        }
        if (to != VrrpState.STOP && !(awaitingScripts && to == VrrpState.FAULT)) {
            // keepalived writes no "Entering" line on shutdown: only "sent 0 priority" / "removing VIPs."
            log("Entering " + to + " STATE" + (from == VrrpState.INIT && !awaitingScripts ? " (init)" : ""));
        }
        awaitingScripts = false;
        if (from == VrrpState.MASTER) {
            // RFC 5798 §6.4.3 Shutdown sends priority 0; keepalived does the same on MASTER -> FAULT.
            announcements.leftMaster(to == VrrpState.FAULT || to == VrrpState.STOP);
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
                reception.resetPreemptDelay();
                masterAdverInterval = spec.advertIntervalMicros();
                reception.masterIs(spec.primaryAddress(), effectivePriority);
                installer.beforeInstall(spec);
                log("setting VIPs.");
                installer.install(spec);
                announcements.becameMaster();
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
            default -> reception.resetPreemptDelay();
        }
        listeners.onTransition(spec.name(), to, from, reason, effectivePriority);
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
        return reception.masterAddress();
    }

    public int masterPriority() {
        return reception.masterPriority();
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
        return announcements.current();
    }

    TransitionListeners listeners() {
        return listeners;
    }

    Announcements announcements() {
        return announcements;
    }

    void setMasterDownTimer(long delayMicros) {
        downTimer.set(delayMicros);
    }

    /** This BACKUP accepted a master's advert (or this MASTER yields to a better master). */
    void acceptedMaster() {
        wantMaster = false;
    }

    void learnedAdverInterval(long micros) {
        masterAdverInterval = micros;
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

    void log(String message) {
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
}
