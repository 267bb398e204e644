package org.jkeepalived.vrrp.engine;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import org.jkeepalived.core.time.FakeScheduler;
import org.jkeepalived.vrrp.packet.VrrpAdvert;

/** A spy on every port of one instance, stamping each call with virtual time in microseconds. */
final class RecordingPorts implements AdvertSender, AddressInstaller, Announcer, TransitionListener {
    record Sent(long atMicros, VrrpAdvert advert, InetAddress destination) { }

    record Transition(long atMicros, VrrpState to, VrrpState from, TransitionReason reason, int priority) { }

    final FakeScheduler scheduler;
    final List<Sent> sent = new ArrayList<>();
    final List<String> installs = new ArrayList<>();
    /** Each VIP installed (+) or removed (-), by address. */
    final List<String> addresses = new ArrayList<>();
    final List<Long> announceTimes = new ArrayList<>();
    final List<Integer> announceRepeats = new ArrayList<>();
    final List<Transition> transitions = new ArrayList<>();
    final List<String> log = new ArrayList<>();
    /** Log lines and address-installer calls in the order they happened. */
    final List<String> sequence = new ArrayList<>();
    int lowerPriorityNotices;
    /** Each onPriorityChanged as "STATE priority". */
    final List<String> priorityChanges = new ArrayList<>();

    RecordingPorts(FakeScheduler scheduler) {
        this.scheduler = scheduler;
    }

    VrrpInstance instance(InstanceSpec spec) {
        VrrpInstance vi = new VrrpInstance(spec, scheduler, this, this, this);
        vi.addListener(this);
        vi.logTap(line -> {
            log.add(line);
            sequence.add(line);
        });
        return vi;
    }

    long now() {
        return scheduler.nanoTime() / 1000;
    }

    @Override
    public void sendAdvert(VrrpAdvert advert, InetAddress destination) {
        sent.add(new Sent(now(), advert, destination));
    }

    @Override
    public void beforeInstall(InstanceSpec instance) {
        sequence.add("beforeInstall " + instance.name());
    }

    @Override
    public void install(InstanceSpec instance) {
        sequence.add("install " + instance.name());
        installs.add("install " + instance.name());
        instance.virtualAddresses().forEach(v -> addresses.add("+" + v.address().getHostAddress()));
    }

    @Override
    public void remove(InstanceSpec instance) {
        installs.add("remove " + instance.name());
        instance.virtualAddresses().forEach(v -> addresses.add("-" + v.address().getHostAddress()));
    }

    @Override
    public void announce(InstanceSpec instance, int repeat) {
        announceTimes.add(now());
        announceRepeats.add(repeat);
    }

    @Override
    public void onTransition(String instance, VrrpState newState, VrrpState previous, TransitionReason reason,
                             int effectivePriority) {
        transitions.add(new Transition(now(), newState, previous, reason, effectivePriority));
    }

    @Override
    public void onMasterReceivedLowerPriority(String instance, int advertPriority) {
        lowerPriorityNotices++;
    }

    @Override
    public void onPriorityChanged(String instance, VrrpState state, int effectivePriority) {
        priorityChanges.add(state + " " + effectivePriority);
    }

    Transition lastTransition() {
        return transitions.get(transitions.size() - 1);
    }

    Sent lastSent() {
        return sent.get(sent.size() - 1);
    }
}
