package org.jkeepalived.netlink.vrrp;

import java.io.Closeable;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jkeepalived.core.time.Scheduler;
import org.jkeepalived.netlink.announce.PacketSocket;
import org.jkeepalived.netlink.nft.NftablesFirewall;
import org.jkeepalived.netlink.rtnl.Address;
import org.jkeepalived.netlink.rtnl.Link;
import org.jkeepalived.netlink.rtnl.Rtnetlink;
import org.jkeepalived.netlink.rtnl.RtnetlinkSocket;
import org.jkeepalived.netlink.sched.TimingThreads;
import org.jkeepalived.netlink.sys.ErrnoException;
import org.jkeepalived.netlink.sys.Interfaces;
import org.jkeepalived.netlink.vmac.NetlinkVmac;
import org.jkeepalived.netlink.vmac.ProcSysctl;
import org.jkeepalived.netlink.vmac.SysctlSetting;
import org.jkeepalived.vrrp.engine.AddressInstaller;
import org.jkeepalived.vrrp.engine.Announcer;
import org.jkeepalived.vrrp.router.InstancePlan;
import org.jkeepalived.vrrp.router.VipFirewall;
import org.jkeepalived.vrrp.router.VrrpNetwork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The VRRP router's kernel side in the calling thread's network namespace: rtnetlink for addresses,
 * links and events, raw VRRP sockets for adverts, packet sockets for GARP/NA, /proc/sys for the
 * sysctls keepalived sets ({@code promote_secondaries=1} on every interface that carries VIPs, so
 * deleting one address never takes the others with it; the use_vmac settings), restored on release; and
 * the nftables drop rules of {@code no_accept} instances, whose tables go when the network closes.
 */
public final class NetlinkVrrpNetwork implements VrrpNetwork {
    private static final Logger LOG = LoggerFactory.getLogger(NetlinkVrrpNetwork.class);
    private static final long LINK_LOCAL_WAIT_MILLIS = 5_000;

    private final Scheduler scheduler;
    private final TimingThreads timing;
    private final RtnetlinkSocket rtnl;
    private final ProcSysctl sysctl;
    private final NetlinkVmac vmac;
    private final Map<String, PacketSocket> packetSockets = new HashMap<>();
    private final Map<String, List<SysctlSetting>> changedSysctls = new HashMap<>();
    private NftablesFirewall firewall;

    private NetlinkVrrpNetwork(Scheduler scheduler, TimingThreads timing, RtnetlinkSocket rtnl, ProcSysctl sysctl) {
        this.scheduler = scheduler;
        this.timing = timing;
        this.rtnl = rtnl;
        this.sysctl = sysctl;
        this.vmac = new NetlinkVmac(rtnl, sysctl);
    }

    /** Opens the rtnetlink socket; GARP/NA pacing runs on {@code scheduler}; receive threads stay SCHED_OTHER. */
    public static NetlinkVrrpNetwork open(Scheduler scheduler) throws IOException {
        return open(scheduler, TimingThreads.normal());
    }

    /**
     * Opens the rtnetlink socket; GARP/NA pacing runs on {@code scheduler}; the advert receive threads join
     * {@code timing} (vrrp_rt_priority).
     */
    public static NetlinkVrrpNetwork open(Scheduler scheduler, TimingThreads timing) throws IOException {
        return new NetlinkVrrpNetwork(scheduler, timing, RtnetlinkSocket.open(), new ProcSysctl());
    }

    RtnetlinkSocket rtnl() {
        return rtnl;
    }

    synchronized PacketSocket packetSocket(String interfaceName) throws ErrnoException {
        PacketSocket s = packetSockets.get(interfaceName);
        if (s == null) {
            s = PacketSocket.open(interfaceName);
            packetSockets.put(interfaceName, s);
        }
        return s;
    }

    @Override
    public InetAddress primaryAddress(String interfaceName, boolean ipv6) throws IOException {
        int ifindex;
        try {
            ifindex = Interfaces.indexOf(interfaceName);
        } catch (ErrnoException e) {
            return null;
        }
        if (!ipv6) {
            for (Address a : rtnl.dumpAddresses(2)) {
                if (a.ifindex() == ifindex && a.address() instanceof Inet4Address
                        && (a.flags() & Rtnetlink.IFA_F_SECONDARY) == 0) {
                    return a.address();
                }
            }
            return null;
        }
        // the link-local appears (and leaves DAD) shortly after the link comes up: wait a little
        long deadline = System.nanoTime() + LINK_LOCAL_WAIT_MILLIS * 1_000_000;
        while (true) {
            InetAddress ll = rtnl.linkLocal(ifindex);
            if (ll != null || System.nanoTime() > deadline) {
                return ll;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
    }

    @Override
    public boolean isUp(String interfaceName) throws IOException {
        Link l = rtnl.link(interfaceName);
        return l != null && l.isOperational();
    }

    @Override
    public void prepare(InstancePlan plan) throws IOException {
        List<SysctlSetting> previous = new ArrayList<>();
        if (!plan.ipv6()) {
            previous.add(promoteSecondaries(plan.baseInterface()));
        }
        if (plan.vmacName() != null) {
            if (rtnl.link(plan.vmacName()) != null) {
                vmac.delete(plan.vmacName()); // left over from an earlier run: start clean
            }
            previous.addAll(vmac.create(plan.vmacName(), plan.baseInterface(), plan.spec().vrid(), plan.ipv6()));
            LOG.info("({}) vmac {} created on {}", plan.name(), plan.vmacName(), plan.baseInterface());
        }
        synchronized (changedSysctls) {
            changedSysctls.put(plan.name(), previous);
        }
    }

    private SysctlSetting promoteSecondaries(String interfaceName) throws IOException {
        String key = "net/ipv4/conf/" + interfaceName + "/promote_secondaries";
        return new SysctlSetting(key, sysctl.write(new SysctlSetting(key, "1")));
    }

    @Override
    public void release(InstancePlan plan) {
        if (plan.vmacName() != null) {
            try {
                vmac.delete(plan.vmacName());
            } catch (IOException e) {
                LOG.warn("({}) cannot delete vmac {}: {}", plan.name(), plan.vmacName(), e.getMessage());
            }
        }
        List<SysctlSetting> previous;
        synchronized (changedSysctls) {
            previous = changedSysctls.remove(plan.name());
        }
        if (previous != null) {
            for (SysctlSetting s : previous) {
                if (plan.vmacName() != null && s.key().contains("/" + plan.vmacName() + "/")) {
                    continue; // went with the vmac
                }
                try {
                    sysctl.write(s);
                } catch (IOException e) {
                    LOG.debug("cannot restore {}: {}", s, e.getMessage());
                }
            }
        }
    }

    @Override
    public AdvertChannel openChannel(String interfaceName, boolean ipv6, InetAddress source, boolean multicast,
                                     AdvertReceiver receiver) throws IOException {
        return SocketAdvertChannel.open(interfaceName, ipv6, source, multicast, receiver, timing);
    }

    @Override
    public AddressInstaller installer(InstancePlan plan) {
        return new NetlinkAddressInstaller(rtnl, plan);
    }

    @Override
    public Announcer announcer(InstancePlan plan) {
        return new PacketAnnouncer(this, scheduler, plan);
    }

    /** Made on first use, so a configuration without no_accept never starts the nftables thread. */
    @Override
    public synchronized VipFirewall firewall() {
        if (firewall == null) {
            firewall = NftablesFirewall.withNftCommand();
        }
        return firewall;
    }

    @Override
    public Closeable watch(LinkListener listener) throws IOException {
        return LinkWatch.start(rtnl, listener);
    }

    @Override
    public void close() {
        synchronized (this) {
            if (firewall != null) {
                firewall.close();
                firewall = null;
            }
            packetSockets.values().forEach(PacketSocket::close);
            packetSockets.clear();
        }
        rtnl.close();
    }
}
