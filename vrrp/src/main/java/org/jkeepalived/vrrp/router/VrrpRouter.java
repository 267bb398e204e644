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
    private record Member(InstancePlan plan, VrrpInstance instance, ReleasableInstaller installer) {
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
        scheduler.execute(() -> r.startInstances(initial));
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
        ReleasableInstaller installer = new ReleasableInstaller(network.installer(p));
        VrrpInstance instance = new VrrpInstance(spec, scheduler, route.channel(), installer, network.announcer(p));
        route.register(instance, new AdvertFilter(p.expectations(), new VrrpStats(), receiveLog));
        members.add(new Member(p, instance, installer));
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

    /** Passes install/remove through, except removal on a stop with -V (keep the addresses). */
    private static final class ReleasableInstaller implements AddressInstaller {
        private final AddressInstaller delegate;
        boolean keep;

        ReleasableInstaller(AddressInstaller delegate) {
            this.delegate = delegate;
        }

        @Override
        public void install(InstanceSpec instance) {
            delegate.install(instance);
        }

        @Override
        public void remove(InstanceSpec instance) {
            if (!keep) {
                delegate.remove(instance);
            }
        }
    }
}
