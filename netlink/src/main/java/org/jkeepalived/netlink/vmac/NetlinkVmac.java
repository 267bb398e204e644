package org.jkeepalived.netlink.vmac;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.jkeepalived.netlink.MacAddress;
import org.jkeepalived.netlink.rtnl.Link;
import org.jkeepalived.netlink.rtnl.Rtnetlink;
import org.jkeepalived.netlink.rtnl.RtnetlinkSocket;

/**
 * Creates and deletes keepalived's use_vmac interfaces: a macvlan in private mode on the parent,
 * with the VRRP virtual MAC (00:00:5e:00:01:VRID, or :02: for IPv6), IPv6 address generation off,
 * the sysctls of {@link VmacSettings}, and brought up.
 */
public final class NetlinkVmac {
    private final RtnetlinkSocket rtnl;
    private final ProcSysctl sysctl;

    public NetlinkVmac(RtnetlinkSocket rtnl, ProcSysctl sysctl) {
        this.rtnl = rtnl;
        this.sysctl = sysctl;
    }

    /**
     * Creates vmac {@code name} on {@code parent} for {@code vrid}, applies the sysctls and sets it
     * up. Returns the settings that were changed with their previous values (for a later restore).
     */
    public List<SysctlSetting> create(String name, String parent, int vrid, boolean ipv6) throws IOException {
        Link parentLink = rtnl.link(parent);
        if (parentLink == null) {
            throw new IOException("use_vmac: parent interface " + parent + " does not exist");
        }
        rtnl.addMacvlan(name, parentLink.index(), MacAddress.vrrp(vrid, ipv6), Rtnetlink.MACVLAN_MODE_PRIVATE);
        Link vmac = rtnl.link(name);
        if (vmac == null) {
            throw new IOException("use_vmac: " + name + " vanished after creation");
        }
        rtnl.setAddrGenModeNone(vmac.index());
        List<SysctlSetting> previous = new ArrayList<>();
        for (SysctlSetting s : VmacSettings.forParent(parent, ipv6)) {
            previous.add(new SysctlSetting(s.key(), sysctl.write(s)));
        }
        for (SysctlSetting s : VmacSettings.forVmac(name, ipv6)) {
            previous.add(new SysctlSetting(s.key(), sysctl.write(s)));
        }
        rtnl.setLinkUp(vmac.index(), true);
        return previous;
    }

    /** Deletes vmac {@code name} if it exists. */
    public void delete(String name) throws IOException {
        Link vmac = rtnl.link(name);
        if (vmac != null) {
            rtnl.deleteLink(vmac.index());
        }
    }
}
