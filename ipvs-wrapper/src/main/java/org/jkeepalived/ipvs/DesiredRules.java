package org.jkeepalived.ipvs;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jkeepalived.core.config.lvs.IpFamily;
import org.jkeepalived.core.config.lvs.LvsConfig;
import org.jkeepalived.core.config.lvs.RealServer;
import org.jkeepalived.core.config.lvs.SchedulerFlag;
import org.jkeepalived.core.config.lvs.SorryServer;
import org.jkeepalived.core.config.lvs.VirtualServer;
import org.jkeepalived.core.config.lvs.VirtualServerGroup;
import org.jkeepalived.core.config.lvs.VirtualServerTarget;

/**
 * Translates the configuration model ({@code virtual_server}, {@code real_server}, {@code sorry_server},
 * {@code virtual_server_group}) into IPVS services and destinations, as keepalived's ipwrapper does; pure. The
 * checkers decide which destinations are present and at what weight and pass them to
 * {@link #virtualServices(VirtualServer, List, List)}.
 */
public final class DesiredRules {
    /** A range in a virtual_server_group larger than this is refused rather than expanded (a typo, surely). */
    public static final int MAX_RANGE = 65536;

    private DesiredRules() {
    }

    /** The keys of the services a virtual server stands for: one, or one per address or fwmark of its group. */
    public static List<ServiceKey> serviceKeys(VirtualServer vs, List<VirtualServerGroup> groups) {
        List<ServiceKey> out = new ArrayList<>();
        VirtualServerTarget t = vs.target();
        if (t instanceof VirtualServerTarget.Address a) {
            out.add(new ServiceKey.Inet(vs.protocol(), a.address(), a.port()));
        } else if (t instanceof VirtualServerTarget.Fwmark f) {
            out.add(new ServiceKey.Fwmark(vs.family().orElse(IpFamily.INET), f.mark()));
        } else if (t instanceof VirtualServerTarget.Group g) {
            for (VirtualServerGroup group : groups) {
                if (group.name().equals(g.name())) {
                    for (VirtualServerGroup.Entry e : group.entries()) {
                        expand(vs, e, out);
                    }
                }
            }
        }
        return out;
    }

    /** The service settings of {@code vs} under {@code key}: scheduler, flags and persistence. */
    public static Service service(VirtualServer vs, ServiceKey key) {
        Set<ServiceFlag> flags = EnumSet.noneOf(ServiceFlag.class);
        for (SchedulerFlag f : vs.flags()) {
            flags.addAll(ServiceFlag.of(f));
        }
        int timeout = vs.persistenceTimeout().map(d -> (int) Math.min(Integer.MAX_VALUE, d.toSeconds())).orElse(0);
        int prefix = vs.persistenceGranularity().orElse(Service.fullPrefix(key.family()));
        prefix = Math.min(prefix, Service.fullPrefix(key.family()));
        return new Service(key, vs.scheduler(), flags, timeout, prefix, vs.persistenceEngine().orElse(""));
    }

    /** The destination for a real server at {@code weight} (its configured weight, 0 when inhibited, …). */
    public static Destination destination(RealServer rs, int weight) {
        return new Destination(rs.address(), rs.port(), rs.forwarding(), weight, rs.uThreshold(), rs.lThreshold());
    }

    /** The destination for a sorry server; keepalived gives it weight 1 (0 when inhibited). */
    public static Destination destination(SorryServer ss, int weight) {
        return new Destination(ss.address(), ss.port(), ss.forwarding(), weight, 0, 0);
    }

    /** The services of {@code vs} (one per key), each with {@code destinations}. */
    public static List<VirtualService> virtualServices(VirtualServer vs, List<VirtualServerGroup> groups,
                                                       List<Destination> destinations) {
        List<VirtualService> out = new ArrayList<>();
        for (ServiceKey k : serviceKeys(vs, groups)) {
            out.add(new VirtualService(service(vs, k), destinations));
        }
        return out;
    }

    /**
     * Every virtual server with all its real servers at their configured weights: the state before any checker
     * has spoken, and what a configuration without checkers means. A virtual server with no real server gets its
     * sorry server, as keepalived does.
     */
    public static IpvsRules allAlive(LvsConfig config) {
        List<VirtualService> out = new ArrayList<>();
        for (VirtualServer vs : config.virtualServers()) {
            List<Destination> ds = new ArrayList<>();
            for (RealServer rs : vs.realServers()) {
                ds.add(destination(rs, rs.weight()));
            }
            if (ds.isEmpty() && vs.sorryServer().isPresent()) {
                ds.add(destination(vs.sorryServer().get(), 1));
            }
            out.addAll(virtualServices(vs, config.groups(), ds));
        }
        return IpvsRules.of(out);
    }

    private static void expand(VirtualServer vs, VirtualServerGroup.Entry e, List<ServiceKey> out) {
        if (e instanceof VirtualServerGroup.Fwmark f) {
            out.add(new ServiceKey.Fwmark(f.family().or(vs::family).orElse(IpFamily.INET), f.mark()));
        } else if (e instanceof VirtualServerGroup.AddressRange r) {
            BigInteger first = new BigInteger(1, r.first().getAddress());
            BigInteger last = new BigInteger(1, r.last().getAddress());
            if (last.subtract(first).compareTo(BigInteger.valueOf(MAX_RANGE)) >= 0) {
                throw new IllegalArgumentException("address range " + r.first() + "-" + r.last() + " too large");
            }
            int length = r.first().getAddress().length;
            for (BigInteger a = first; a.compareTo(last) <= 0; a = a.add(BigInteger.ONE)) {
                out.add(new ServiceKey.Inet(vs.protocol(), address(a, length), r.port()));
            }
        }
    }

    private static InetAddress address(BigInteger value, int length) {
        byte[] raw = value.toByteArray();
        byte[] b = new byte[length];
        int n = Math.min(raw.length, length);
        System.arraycopy(raw, raw.length - n, b, length - n, n);
        try {
            return InetAddress.getByAddress(b);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e); // only for a bad length, which cannot happen here
        }
    }
}
