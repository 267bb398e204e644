package org.jkeepalived.vrrp.router;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.jkeepalived.core.config.vrrp.VirtualIpAddress;
import org.jkeepalived.core.config.vrrp.VrrpSyncGroup;
import org.jkeepalived.core.time.Scheduler;
import org.jkeepalived.vrrp.engine.AddressInstaller;
import org.jkeepalived.vrrp.engine.InstanceSpec;
import org.jkeepalived.vrrp.engine.SyncGroup;
import org.jkeepalived.vrrp.engine.TrackedObject;
import org.jkeepalived.vrrp.engine.VrrpInstance;
import org.jkeepalived.vrrp.engine.VrrpState;
import org.jkeepalived.vrrp.packet.AddressText;
import org.jkeepalived.vrrp.packet.AdvertFilter;
import org.jkeepalived.vrrp.packet.RateLimitedLog;
import org.jkeepalived.vrrp.packet.VrrpStats;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The VRRP subsystem's main loop (keepalived's VRRP child): builds the engine instances and sync
 * groups from {@link InstancePlan}s, wires them to the kernel through a {@link VrrpNetwork}, starts
 * them, routes received adverts to them, and applies link and address events: an interface going
 * down puts the instances that track it (their own interface included) in FAULT, and a VIP deleted
 * behind a MASTER's back is added again unless it is {@code no_track}.
 *
 * <p>Threads: {@link #start} and {@link #close} do I/O on the caller's thread; every engine input
 * (start, adverts, link events, {@link #stop}) runs on the {@link Scheduler}'s thread, so the
 * engine stays single-threaded.
 */
public final class VrrpRouter {
    private static final Logger LOG = LoggerFactory.getLogger(VrrpRouter.class);

    private final Scheduler scheduler;
    private final VrrpNetwork network;
    private final List<Member> members = new ArrayList<>();
    private final Map<String, ChannelRoute> routes = new LinkedHashMap<>();
    private final List<SyncGroup> groups = new ArrayList<>();
    private final Map<String, Boolean> linkState = new HashMap<>();
    private final RateLimitedLog receiveLog;
    private Closeable watch;

    /** One running instance and what it was made of. */
    private record Member(InstancePlan plan, VrrpInstance instance, InstancePorts installer, VrrpStats stats) {
    }

    private VrrpRouter(Scheduler scheduler, VrrpNetwork network) {
        this.scheduler = scheduler;
        this.network = network;
        this.receiveLog = new RateLimitedLog(LoggerFactory.getLogger(AdvertFilter.class), scheduler,
                10_000_000_000L, 10);
    }

    /**
     * Builds and starts the router: prepares each instance (vmac), opens one advert channel per
     * interface and family, builds the sync groups, starts watching links, then (on the scheduler
     * thread) feeds each instance its tracked interfaces' state and starts it. An instance that
     * cannot be wired is logged and left out, as keepalived goes on with the rest.
     */
    public static VrrpRouter start(List<InstancePlan> plans, List<VrrpSyncGroup> syncGroups, Scheduler scheduler,
                                   VrrpNetwork network) throws IOException {
        return start(plans, syncGroups, scheduler, network, router -> { });
    }

    /**
     * As {@link #start(List, List, Scheduler, VrrpNetwork)}, running {@code beforeStart} on the scheduler
     * thread once the instances and sync groups exist and before any starts: where notify listeners attach
     * and tracked scripts and files feed their first status.
     */
    public static VrrpRouter start(List<InstancePlan> plans, List<VrrpSyncGroup> syncGroups, Scheduler scheduler,
                                   VrrpNetwork network, Consumer<VrrpRouter> beforeStart) throws IOException {
        VrrpRouter r = new VrrpRouter(Objects.requireNonNull(scheduler), Objects.requireNonNull(network));
        for (InstancePlan p : plans) {
            try {
                r.add(p);
            } catch (IOException | RuntimeException e) {
                LOG.error("({}) cannot start: {}", p.name(), e.getMessage());
            }
        }
        r.buildGroups(syncGroups);
        r.watch = network.watch(r.new Events());
        Map<String, Boolean> initial = new HashMap<>();
        for (Member m : r.members) {
            for (TrackedObject t : m.plan().spec().tracked()) {
                if (t.kind() == TrackedObject.Kind.INTERFACE && !initial.containsKey(t.name())) {
                    initial.put(t.name(), network.isUp(t.name()));
                }
            }
        }
        scheduler.execute(() -> {
            try {
                beforeStart.accept(r);
            } catch (RuntimeException e) {
                LOG.error("preparing tracking and notifications failed", e);
            }
            r.startInstances(initial);
        });
        return r;
    }

    private void add(InstancePlan p) throws IOException {
        network.prepare(p);
        InstanceSpec spec = p.spec();
        String key = p.interfaceName() + (p.ipv6() ? "/inet6" : "/inet");
        ChannelRoute route = routes.get(key);
        if (route == null) {
            route = new ChannelRoute(key, scheduler);
            route.attach(network.openChannel(p.interfaceName(), p.ipv6(), spec.primaryAddress(), p.multicast(),
                    route));
            routes.put(key, route);
        }
        InstancePorts installer = new InstancePorts(network, p);
        VrrpStats stats = new VrrpStats();
        VrrpInstance instance = new VrrpInstance(spec, scheduler, StatsTap.counting(route.channel(), stats),
                installer, installer);
        instance.addListener(StatsTap.counting(stats));
        route.register(instance, new AdvertFilter(p.expectations(), stats, receiveLog));
        members.add(new Member(p, instance, installer, stats));
    }

    private void buildGroups(List<VrrpSyncGroup> syncGroups) {
        for (VrrpSyncGroup g : syncGroups) {
            List<VrrpInstance> in = new ArrayList<>();
            for (String name : g.members()) {
                members.stream().filter(m -> m.plan().name().equals(name)).findFirst()
                        .ifPresent(m -> in.add(m.instance()));
            }
            if (!in.isEmpty()) {
                groups.add(new SyncGroup(g.name(), in));
            }
        }
    }

    private void startInstances(Map<String, Boolean> initial) {
        linkState.putAll(initial);
        for (Member m : members) {
            initial.forEach((name, up) -> m.instance().interfaceChanged(name, up));
        }
        for (Member m : members) {
            m.instance().start();
        }
    }

    /** The running instances (read them on the scheduler thread). */
    public List<VrrpInstance> instances() {
        return members.stream().map(Member::instance).toList();
    }

    public List<SyncGroup> syncGroups() {
        return List.copyOf(groups);
    }

    /**
     * Stops every instance (a MASTER sends priority 0 and, unless {@code keepAddresses} (-V), removes
     * its VIPs). Call on the scheduler thread.
     */
    public void stop(boolean keepAddresses) {
        for (Member m : members) {
            m.installer().keep = keepAddresses;
            m.instance().stop();
        }
    }

    /** The counters of one running instance (keepalived's vrrp_stats), or null; read on the scheduler thread. */
    public VrrpStats stats(String instanceName) {
        return members.stream().filter(m -> m.plan().name().equals(instanceName)).findFirst()
                .map(Member::stats).orElse(null);
    }

    /**
     * Applies a reloaded configuration (SIGHUP), on the scheduler thread: instances whose configuration and
     * sync group did not change keep running untouched (state, VIPs, timers); instances that remain the same
     * virtual router with other settings are reconfigured in place ({@link VrrpInstance#reconfigure}: no
     * transition, a MASTER adds and removes only the addresses, routes and rules that changed); removed
     * instances stop as on shutdown (a MASTER sends priority 0 and removes its VIPs); instances that became
     * another virtual router stop and start again from their new plan, and new ones start, as at start-up.
     */
    public void reload(List<InstancePlan> plans, List<VrrpSyncGroup> syncGroups) {
        reload(plans, syncGroups, router -> { });
    }

    /**
     * As {@link #reload(List, List)}, running {@code beforeStart} once the instances are rebuilt and
     * reconfigured and before the new ones start: where notifications and tracking follow the new
     * configuration.
     */
    public void reload(List<InstancePlan> plans, List<VrrpSyncGroup> syncGroups, Consumer<VrrpRouter> beforeStart) {
        Map<String, List<String>> running = new LinkedHashMap<>();
        for (SyncGroup g : groups) {
            running.put(g.name(), g.members().stream().map(VrrpInstance::name).toList());
        }
        ReloadDiff diff = ReloadDiff.of(members.stream().map(Member::plan).toList(), running, plans, syncGroups);
        for (Member m : List.copyOf(members)) {
            if (diff.stopped().contains(m.plan().name())) {
                LOG.info("({}) {} on reload", m.plan().name(),
                        diff.started().contains(m.plan().name()) ? "changed: restarting" : "removed: stopping");
                m.instance().stop();
                routeOf(m.plan()).unregister(m.plan().spec().vrid());
                network.release(m.plan());
                members.remove(m);
            }
        }
        groups.removeIf(g -> g.members().stream().anyMatch(i -> diff.stopped().contains(i.name())));
        for (InstancePlan p : plans) {
            if (diff.reconfigured().contains(p.name())) {
                reconfigure(p);
            }
        }
        List<Member> fresh = new ArrayList<>();
        for (InstancePlan p : plans) {
            if (diff.started().contains(p.name())) {
                try {
                    add(p);
                    fresh.add(members.get(members.size() - 1));
                } catch (IOException | RuntimeException e) {
                    LOG.error("({}) cannot start: {}", p.name(), e.getMessage());
                }
            }
        }
        List<String> groupNames = groups.stream().map(SyncGroup::name).toList();
        buildGroups(syncGroups.stream().filter(g -> !groupNames.contains(g.name())).toList());
        for (Member m : fresh) {
            feedLinks(m);
        }
        try {
            beforeStart.accept(this);
        } catch (RuntimeException e) {
            LOG.error("reloading tracking and notifications failed", e);
        }
        fresh.forEach(m -> m.instance().start());
        LOG.info("Reload finished: {} kept, {} reconfigured, {} stopped, {} started", diff.kept().size(),
                diff.reconfigured().size(), diff.stopped().size(), diff.started().size());
    }

    private void reconfigure(InstancePlan next) {
        int at = indexOf(next.name());
        Member m = members.get(at);
        LOG.info("({}) changed: reconfiguring in place", next.name());
        ChannelRoute route = routeOf(m.plan());
        route.unregister(m.plan().spec().vrid());
        route.register(m.instance(), new AdvertFilter(next.expectations(), m.stats(), receiveLog));
        m.installer().follow(next);
        m.instance().reconfigure(next.spec());
        Member now = new Member(next, m.instance(), m.installer(), m.stats());
        members.set(at, now);
        feedLinks(now);
    }

    private int indexOf(String name) {
        for (int i = 0; i < members.size(); i++) {
            if (members.get(i).plan().name().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException(name);
    }

    /** Tells an added or reconfigured instance the state of every interface it tracks. */
    private void feedLinks(Member m) {
        for (TrackedObject t : m.plan().spec().tracked()) {
            if (t.kind() == TrackedObject.Kind.INTERFACE && !linkState.containsKey(t.name())) {
                try {
                    linkState.put(t.name(), network.isUp(t.name()));
                } catch (IOException e) {
                    linkState.put(t.name(), false);
                }
            }
        }
        linkState.forEach((name, up) -> m.instance().interfaceChanged(name, up));
    }

    private ChannelRoute routeOf(InstancePlan p) {
        return routes.get(p.interfaceName() + (p.ipv6() ? "/inet6" : "/inet"));
    }

    /** Closes the channels and the link watch and releases each instance's vmac; after {@link #stop}. */
    public void close() {
        try {
            if (watch != null) {
                watch.close();
            }
        } catch (IOException e) {
            LOG.warn("closing the link watch: {}", e.getMessage());
        }
        for (ChannelRoute r : routes.values()) {
            r.channel().close();
        }
        for (Member m : members) {
            if (!m.installer().keep) {
                network.release(m.plan());
            }
        }
    }

    /** Link and address events, moved to the scheduler thread. */
    private final class Events implements VrrpNetwork.LinkListener {
        @Override
        public void linkChanged(String interfaceName, boolean up) {
            scheduler.execute(() -> applyLink(interfaceName, up));
        }

        @Override
        public void addressDeleted(String interfaceName, InetAddress address) {
            scheduler.execute(() -> applyAddressDeleted(interfaceName, address));
        }
    }

    private void applyLink(String name, boolean up) {
        Boolean before = linkState.put(name, up);
        if (before != null && before == up) {
            return;
        }
        LOG.info("Netlink reports {} {}", name, up ? "up" : "down");
        for (Member m : members) {
            m.instance().interfaceChanged(name, up);
        }
    }

    private void applyAddressDeleted(String name, InetAddress address) {
        for (Member m : members) {
            if (m.instance().state() != VrrpState.MASTER) {
                continue;
            }
            for (VirtualIpAddress v : m.plan().config().virtualIpAddresses()) {
                if (v.address().equals(address) && !v.noTrack()) {
                    LOG.info("Netlink reflector reports IP {} removed from {}", AddressText.of(address), name);
                    LOG.info("({}) re-adding VIPs.", m.plan().name());
                    m.installer().install(m.plan().spec());
                    return;
                }
            }
        }
    }
}
