package org.jkeepalived.netlink.rtnl;

import java.net.Inet4Address;
import java.net.InetAddress;

/**
 * A policy routing rule as {@code ip rule add from F/L to T/L iif I oif O fwmark M/MASK priority P
 * table N} expresses it (keepalived's virtual_rules). Absent selectors are null or -1.
 *
 * @param family     2 (IPv4) or 10 (IPv6)
 * @param from       source prefix, or null
 * @param fromLength its length
 * @param to         destination prefix, or null
 * @param toLength   its length
 * @param table      the table to look up
 * @param priority   FRA_PRIORITY, or -1 to let the kernel choose
 * @param iif        input interface name, or null
 * @param oif        output interface name, or null
 * @param fwmark     firewall mark, or -1
 * @param fwmask     mark mask, or -1
 */
public record Rule(int family, InetAddress from, int fromLength, InetAddress to, int toLength, int table,
                   int priority, String iif, String oif, long fwmark, long fwmask) {

    /** A rule matching only a source prefix. */
    public static Rule from(InetAddress from, int fromLength, int table, int priority) {
        return new Rule(from instanceof Inet4Address ? 2 : 10, from, fromLength, null, 0, table, priority,
                null, null, -1, -1);
    }

    public Rule withTo(InetAddress value, int length) {
        return new Rule(family, from, fromLength, value, length, table, priority, iif, oif, fwmark, fwmask);
    }

    public Rule withInterfaces(String inputName, String outputName) {
        return new Rule(family, from, fromLength, to, toLength, table, priority, inputName, outputName, fwmark, fwmask);
    }

    public Rule withFwmark(long mark, long mask) {
        return new Rule(family, from, fromLength, to, toLength, table, priority, iif, oif, mark, mask);
    }
}
