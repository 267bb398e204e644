package org.jkeepalived.core.config.lvs;

import java.math.BigInteger;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.jkeepalived.core.config.Arguments;
import org.jkeepalived.core.config.ConfigNode;
import org.jkeepalived.core.config.Diagnostics;

/**
 * Reads a {@code virtual_server_group NAME { … }} block, whose lines are entries rather than keywords:
 * {@code IP [PORT]}, {@code IP-LAST [PORT]}, {@code IP-IP [PORT]}, {@code IP/LEN [PORT]} and {@code fwmark N [inet|inet6]}.
 */
final class VirtualServerGroupReader {
    private VirtualServerGroupReader() {
    }

    /** The group, or empty (with an error) when keepalived removes it. */
    static Optional<VirtualServerGroup> read(ConfigNode n, Diagnostics d) {
        Optional<String> name = Arguments.string(n, 0, "virtual_server_group name", d);
        if (name.isEmpty()) {
            return Optional.empty();
        }
        List<VirtualServerGroup.Entry> entries = new ArrayList<>();
        for (ConfigNode line : n.children()) {
            Optional<VirtualServerGroup.Entry> e = line.keyword().equals("fwmark")
                    ? fwmark(name.get(), line, d) : range(line, d);
            e.ifPresent(entries::add);
        }
        if (entries.isEmpty()) {
            d.error(n, "virtual server group " + name.get() + " has no entries; group removed");
            return Optional.empty();
        }
        boolean v4 = entries.stream().anyMatch(e -> e instanceof VirtualServerGroup.AddressRange r
                && r.family() == IpFamily.INET);
        boolean v6 = entries.stream().anyMatch(e -> e instanceof VirtualServerGroup.AddressRange r
                && r.family() == IpFamily.INET6);
        boolean bareMark = entries.stream().anyMatch(e -> e instanceof VirtualServerGroup.Fwmark f
                && f.family().isEmpty());
        if (v4 && v6 && bareMark) {
            d.error(n, "virtual server group " + name.get() + " has IPv4 and IPv6 addresses and a fwmark without"
                    + " inet/inet6; group removed");
            return Optional.empty();
        }
        return Optional.of(new VirtualServerGroup(name.get(), entries, n.location()));
    }

    private static Optional<VirtualServerGroup.Entry> fwmark(String group, ConfigNode n, Diagnostics d) {
        OptionalLong mark = LvsArguments.number(n, 0, 0, LvsArguments.UINT_MAX, d);
        if (mark.isEmpty()) {
            return Optional.empty();
        }
        Optional<IpFamily> family = Optional.empty();
        String f = n.arg(1);
        if ("inet".equals(f)) {
            family = Optional.of(IpFamily.INET);
        } else if ("inet6".equals(f)) {
            family = Optional.of(IpFamily.INET6);
        } else if (f != null) {
            d.error(n, "(" + group + "): fwmark " + mark.getAsLong() + " family " + f
                    + " unknown (expected inet or inet6); ignored");
            return Optional.empty();
        }
        return Optional.of(new VirtualServerGroup.Fwmark(mark.getAsLong(), family, n.location()));
    }

    private static Optional<VirtualServerGroup.Entry> range(ConfigNode n, Diagnostics d) {
        String text = n.keyword();
        int port = 0;
        if (n.arg(0) != null) {
            port = LvsArguments.parsePort(n.arg(0));
            if (port < 0) {
                d.error(n.location(), text, "invalid virtual server group port " + n.arg(0)
                        + " (expected 1..65535); entry skipped");
                return Optional.empty();
            }
        }
        int slash = text.indexOf('/');
        int dash = text.indexOf('-');
        String start = slash >= 0 ? text.substring(0, slash) : dash >= 0 ? text.substring(0, dash) : text;
        Optional<InetAddress> first = Arguments.parseAddress(start);
        if (first.isEmpty()) {
            d.error(n.location(), text, "invalid virtual server group address " + text + "; entry skipped");
            return Optional.empty();
        }
        InetAddress a = first.get();
        InetAddress last = a;
        if (slash >= 0) {
            Optional<InetAddress[]> r = prefix(a, text.substring(slash + 1));
            if (r.isEmpty()) {
                d.error(n.location(), text, "invalid prefix or host bits set in " + text + "; entry skipped");
                return Optional.empty();
            }
            a = r.get()[0];
            last = r.get()[1];
        } else if (dash >= 0) {
            Optional<InetAddress> end = rangeEnd(a, text.substring(dash + 1));
            if (end.isEmpty()) {
                d.error(n.location(), text, "invalid range end in " + text + "; entry skipped");
                return Optional.empty();
            }
            last = end.get();
            if (toInt(last).compareTo(toInt(a)) <= 0) {
                d.error(n.location(), text, "address range end is not greater than its start in " + text
                        + "; entry skipped");
                return Optional.empty();
            }
        }
        return Optional.of(new VirtualServerGroup.AddressRange(a, last, port, n.location()));
    }

    /** The end of {@code a-END}: a full address of the same family, or the last octet (IPv4) / group (IPv6). */
    private static Optional<InetAddress> rangeEnd(InetAddress a, String end) {
        Optional<InetAddress> full = Arguments.parseAddress(end);
        if (full.isPresent()) {
            return full.get().getClass() == a.getClass() ? full : Optional.empty();
        }
        byte[] b = a.getAddress();
        try {
            if (a instanceof Inet4Address) {
                int v = Integer.parseInt(end);
                if (v < 0 || v > 255) {
                    return Optional.empty();
                }
                b[3] = (byte) v;
            } else {
                int v = Integer.parseInt(end, 16);
                if (v < 0 || v > 0xffff) {
                    return Optional.empty();
                }
                b[14] = (byte) (v >> 8);
                b[15] = (byte) v;
            }
            return Optional.of(InetAddress.getByAddress(b));
        } catch (NumberFormatException | UnknownHostException e) {
            return Optional.empty();
        }
    }

    private static Optional<InetAddress[]> prefix(InetAddress a, String len) {
        int bits = a.getAddress().length * 8;
        int p;
        try {
            p = Integer.parseInt(len);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (p < 0 || p > bits) {
            return Optional.empty();
        }
        BigInteger host = BigInteger.ONE.shiftLeft(bits - p).subtract(BigInteger.ONE);
        BigInteger v = toInt(a);
        if (!v.and(host).equals(BigInteger.ZERO)) {
            return Optional.empty();
        }
        return Optional.of(new InetAddress[] {a, fromInt(v.or(host), a instanceof Inet6Address ? 16 : 4)});
    }

    private static BigInteger toInt(InetAddress a) {
        return new BigInteger(1, a.getAddress());
    }

    private static InetAddress fromInt(BigInteger v, int len) {
        byte[] raw = v.toByteArray();
        byte[] out = new byte[len];
        int n = Math.min(raw.length, len);
        System.arraycopy(raw, raw.length - n, out, len - n, n);
        try {
            return InetAddress.getByAddress(out);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
