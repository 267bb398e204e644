package org.jkeepalived.netlink.vrrp;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.function.ToIntFunction;
import org.jkeepalived.core.config.vrrp.VirtualIpAddress;
import org.jkeepalived.core.config.vrrp.VirtualRoute;
import org.jkeepalived.core.config.vrrp.VirtualRule;
import org.jkeepalived.netlink.rtnl.Address;
import org.jkeepalived.netlink.rtnl.Route;
import org.jkeepalived.netlink.rtnl.RouteType;
import org.jkeepalived.netlink.rtnl.Rtnetlink;
import org.jkeepalived.netlink.rtnl.Rule;

/**
 * Turns an instance's configured virtual_ipaddress, virtual_routes and virtual_rules lines into the
 * rtnetlink {@link Address}, {@link Route} and {@link Rule} that {@code ip addr/route/rule add}
 * would send. Pure: interface names are resolved by the caller's function. What the rtnetlink layer
 * cannot express yet (multipath nexthops, route {@code src}, rule actions other than {@code table},
 * address {@code peer}) is refused with {@link IllegalArgumentException}, which the installer logs.
 */
public final class KernelObjects {
    /** IFA_F_HOMEADDRESS and IFA_F_MANAGETEMPADDR from {@code <linux/if_addr.h>}. */
    static final int IFA_F_HOMEADDRESS = 0x10;
    static final int IFA_F_MANAGETEMPADDR = 0x100;
    static final int RT_TABLE_DEFAULT = 253;
    static final int RT_TABLE_LOCAL = 255;

    private KernelObjects() {
    }

    /** A VIP on interface {@code ifindex}: IPv6 VIPs are added without duplicate address detection. */
    public static Address address(VirtualIpAddress v, int ifindex) {
        if (v.peer().isPresent()) {
            throw new IllegalArgumentException("peer addresses are not supported yet");
        }
        Address a = Address.of(ifindex, v.address(), v.prefixLength());
        if (v.broadcast().isPresent() && v.address() instanceof Inet4Address v4) {
            String brd = v.broadcast().get();
            if (brd.equals("+")) {
                a = a.withBroadcast(broadcast(v4, v.prefixLength()));
            } else if (!brd.equals("-")) {
                a = a.withBroadcast(literal(brd));
            }
        }
        if (v.scope().isPresent()) {
            a = a.withScope(scope(v.scope().get()));
        }
        if (v.label().isPresent() && v.address() instanceof Inet4Address) {
            a = a.withLabel(v.label().get());
        }
        int flags = 0;
        if (v.address() instanceof Inet6Address) {
            flags |= Rtnetlink.IFA_F_NODAD;
        }
        if (v.noPrefixRoute()) {
            flags |= Rtnetlink.IFA_F_NOPREFIXROUTE;
        }
        if (v.home()) {
            flags |= IFA_F_HOMEADDRESS;
        }
        if (v.mngTmpAddr()) {
            flags |= IFA_F_MANAGETEMPADDR;
        }
        return flags == 0 ? a : a.withFlags(flags);
    }

    /** A virtual route; {@code ifindex} resolves {@code dev}. */
    public static Route route(VirtualRoute r, ToIntFunction<String> ifindex) {
        if (!r.nexthops().isEmpty()) {
            throw new IllegalArgumentException("multipath routes are not supported yet");
        }
        if (r.src().isPresent() || !r.options().isEmpty()) {
            throw new IllegalArgumentException("route options " + (r.src().isPresent() ? "src " : "")
                    + String.join(" ", r.options().keySet()) + " are not supported yet");
        }
        boolean v6 = r.inet6() || r.destination().contains(":");
        Prefix dst = prefix(r.destination(), v6);
        InetAddress gateway = r.via().isEmpty() ? null : r.via().get(0);
        int oif = r.dev().map(ifindex::applyAsInt).orElse(0);
        RouteType type = RouteType.valueOf(r.type().toUpperCase(Locale.ROOT));
        int scope = r.scope().map(KernelObjects::scope).orElse(
                gateway == null && oif != 0 && type == RouteType.UNICAST ? Rtnetlink.RT_SCOPE_LINK
                        : Rtnetlink.RT_SCOPE_UNIVERSE);
        int table = r.table().map(KernelObjects::table).orElse(Rtnetlink.RT_TABLE_MAIN);
        int metric = r.metric().isPresent() ? (int) r.metric().getAsLong() : -1;
        int protocol = r.protocol().map(KernelObjects::protocol).orElse(Rtnetlink.RTPROT_KEEPALIVED);
        return new Route(dst.address, dst.length, gateway, oif, table, metric, scope, protocol, type);
    }

    /** A virtual rule (only the {@code table} action is supported). */
    public static Rule rule(VirtualRule r) {
        if (!r.action().equals("table") || r.table().isEmpty()) {
            throw new IllegalArgumentException("rule action " + r.action() + " is not supported yet");
        }
        if (!r.options().isEmpty()) {
            throw new IllegalArgumentException("rule options " + String.join(" ", r.options().keySet())
                    + " are not supported yet");
        }
        boolean v6 = r.inet6() || r.from().map(s -> s.contains(":")).orElse(false)
                || r.to().map(s -> s.contains(":")).orElse(false);
        Prefix from = r.from().map(s -> prefix(s, v6)).orElse(null);
        Prefix to = r.to().map(s -> prefix(s, v6)).orElse(null);
        long mark = -1;
        long mask = -1;
        if (r.fwmark().isPresent()) {
            String[] parts = r.fwmark().get().split("/", 2);
            mark = Long.decode(parts[0]);
            mask = parts.length > 1 ? Long.decode(parts[1]) : -1;
        }
        return new Rule(v6 ? 10 : 2, from == null ? null : from.address, from == null ? 0 : from.length,
                to == null ? null : to.address, to == null ? 0 : to.length, table(r.table().get()),
                r.preference().isPresent() ? (int) r.preference().getAsLong() : -1, r.iif().orElse(null),
                r.oif().orElse(null), mark, mask);
    }

    private record Prefix(InetAddress address, int length) {
    }

    private static Prefix prefix(String text, boolean v6) {
        if (text.equals("default") || text.equals("all") || text.equals("any")) {
            return new Prefix(literal(v6 ? "::" : "0.0.0.0"), 0);
        }
        int slash = text.indexOf('/');
        InetAddress a = literal(slash < 0 ? text : text.substring(0, slash));
        int length = slash < 0 ? a.getAddress().length * 8 : Integer.parseInt(text.substring(slash + 1));
        return new Prefix(a, length);
    }

    static InetAddress broadcast(Inet4Address a, int prefixLength) {
        byte[] b = a.getAddress();
        int v = ((b[0] & 0xff) << 24) | ((b[1] & 0xff) << 16) | ((b[2] & 0xff) << 8) | (b[3] & 0xff);
        int hostMask = prefixLength >= 32 ? 0 : -1 >>> prefixLength;
        v |= hostMask;
        return literal(((v >>> 24) & 0xff) + "." + ((v >>> 16) & 0xff) + "." + ((v >>> 8) & 0xff) + "." + (v & 0xff));
    }

    static int scope(String s) {
        return switch (s) {
            case "global", "universe" -> Rtnetlink.RT_SCOPE_UNIVERSE;
            case "site" -> Rtnetlink.RT_SCOPE_SITE;
            case "link" -> Rtnetlink.RT_SCOPE_LINK;
            case "host" -> Rtnetlink.RT_SCOPE_HOST;
            case "nowhere" -> Rtnetlink.RT_SCOPE_NOWHERE;
            default -> Integer.parseInt(s);
        };
    }

    static int table(String s) {
        return switch (s) {
            case "main" -> Rtnetlink.RT_TABLE_MAIN;
            case "local" -> RT_TABLE_LOCAL;
            case "default" -> RT_TABLE_DEFAULT;
            default -> Integer.parseInt(s);
        };
    }

    static int protocol(String s) {
        return switch (s) {
            case "kernel" -> 2;
            case "boot" -> Rtnetlink.RTPROT_BOOT;
            case "static" -> Rtnetlink.RTPROT_STATIC;
            case "keepalived" -> Rtnetlink.RTPROT_KEEPALIVED;
            default -> Integer.parseInt(s);
        };
    }

    /** An IP literal (never a host name: no DNS). */
    static InetAddress literal(String s) {
        if (s.isEmpty() || !s.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == '.' || c == ':')) {
            throw new IllegalArgumentException("not an IP address: " + s);
        }
        try {
            return InetAddress.getByName(s);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP address: " + s, e);
        }
    }
}
