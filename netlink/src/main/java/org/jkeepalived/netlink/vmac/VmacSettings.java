package org.jkeepalived.netlink.vmac;

import java.util.List;

/**
 * The sysctls keepalived 2.2.7 sets for use_vmac, as observed by diffing /proc/sys before and after
 * it created an IPv4 and an IPv6 vmac in a test namespace (see netlink/README.md):
 * <ul>
 * <li>IPv4 vmac: {@code arp_ignore=1} (answer ARP only for addresses on the vmac),
 * {@code accept_local=1} (accept adverts whose source is a local address, e.g. on the parent),
 * {@code promote_secondaries=1} (deleting the primary VIP must not delete the others), and IPv6
 * disabled on it ({@code disable_ipv6=1}).</li>
 * <li>IPv6 vmac: no IPv4 changes; IPv6 stays enabled (address generation is off: see
 * {@code LinkCodec.encodeMacvlan}).</li>
 * <li>Parent: {@code arp_ignore=1} and {@code arp_filter=1}, so the parent's own MAC does not answer
 * ARP for the VIPs that live on the vmac.</li>
 * </ul>
 * {@code rp_filter=0} on the vmac is added as a precaution (strict reverse-path filtering drops
 * adverts whose source lives on the parent); the capture could not confirm it because
 * {@code all.rp_filter} was already 0 there.
 */
public final class VmacSettings {
    private VmacSettings() {
    }

    public static List<SysctlSetting> forVmac(String vmac, boolean ipv6) {
        if (ipv6) {
            return List.of();
        }
        String c = "net/ipv4/conf/" + vmac + "/";
        return List.of(
                new SysctlSetting(c + "arp_ignore", "1"),
                new SysctlSetting(c + "accept_local", "1"),
                new SysctlSetting(c + "promote_secondaries", "1"),
                new SysctlSetting(c + "rp_filter", "0"),
                new SysctlSetting("net/ipv6/conf/" + vmac + "/disable_ipv6", "1"));
    }

    public static List<SysctlSetting> forParent(String parent, boolean ipv6) {
        if (ipv6) {
            return List.of();
        }
        String c = "net/ipv4/conf/" + parent + "/";
        return List.of(new SysctlSetting(c + "arp_ignore", "1"), new SysctlSetting(c + "arp_filter", "1"));
    }
}
