package org.jkeepalived.netlink.vmac;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.jkeepalived.netlink.MacAddress;
import org.jkeepalived.netlink.NetNs;
import org.jkeepalived.netlink.rtnl.Link;
import org.jkeepalived.netlink.rtnl.RtnetlinkSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** use_vmac: macvlan creation with the VRRP MAC, private mode, addrgenmode none and keepalived's sysctls. */
class NetlinkVmacIT {
    NetNs ns;
    RtnetlinkSocket rtnl;

    @BeforeEach
    void setUp() throws Exception {
        NetNs.assumeRoot();
        ns = NetNs.create();
        ns.vethPair();
        rtnl = ns.call(RtnetlinkSocket::open);
    }

    @AfterEach
    void tearDown() {
        if (rtnl != null) {
            rtnl.close();
        }
        if (ns != null) {
            ns.close();
        }
    }

    @Test
    void ipv4VmacLooksLikeKeepalivedsAndIsDeleted() throws Exception {
        NetlinkVmac vmacs = new NetlinkVmac(rtnl, new ProcSysctl());
        List<SysctlSetting> previous = ns.call(() -> vmacs.create("vrrp.51", "veth0", 51, false));
        assertEquals(7, previous.size());
        Link l = rtnl.link("vrrp.51");
        assertEquals(MacAddress.parse("00:00:5e:00:01:33"), l.mac());
        assertEquals("macvlan", l.kind());
        assertEquals(rtnl.link("veth0").index(), l.parentIndex());
        assertTrue(l.isUp());
        String details = ns.ip("-d", "link", "show", "vrrp.51");
        assertTrue(details.contains("macvlan mode private"), details);
        assertTrue(details.contains("addrgenmode none"), details);
        ProcSysctl sysctl = new ProcSysctl();
        assertEquals(List.of("1", "1", "1", "0", "1", "1", "1"), ns.call(() -> List.of(
                sysctl.read("net/ipv4/conf/vrrp.51/arp_ignore"),
                sysctl.read("net/ipv4/conf/vrrp.51/accept_local"),
                sysctl.read("net/ipv4/conf/vrrp.51/promote_secondaries"),
                sysctl.read("net/ipv4/conf/vrrp.51/rp_filter"),
                sysctl.read("net/ipv6/conf/vrrp.51/disable_ipv6"),
                sysctl.read("net/ipv4/conf/veth0/arp_ignore"),
                sysctl.read("net/ipv4/conf/veth0/arp_filter"))));
        assertEquals("1", ns.exec("sysctl", "-n", "net.ipv4.conf.vrrp/51.arp_ignore").trim(),
                "the thread's /proc/sys view is the namespace's");

        vmacs.delete("vrrp.51");
        assertNull(rtnl.link("vrrp.51"));
    }

    @Test
    void ipv6VmacUsesTheIpv6VirtualMac() throws Exception {
        NetlinkVmac vmacs = new NetlinkVmac(rtnl, new ProcSysctl());
        ns.call(() -> vmacs.create("vrrp6.52", "veth0", 52, true));
        Link l = rtnl.link("vrrp6.52");
        assertEquals(MacAddress.parse("00:00:5e:00:02:34"), l.mac());
        assertTrue(ns.ip("-d", "link", "show", "vrrp6.52").contains("addrgenmode none"));
        assertEquals("0", ns.exec("sysctl", "-n", "net.ipv6.conf.vrrp6/52.disable_ipv6").trim());
    }

    @Test
    void missingParentIsReported() throws Exception {
        NetlinkVmac vmacs = new NetlinkVmac(rtnl, new ProcSysctl());
        Exception e = assertThrows(Exception.class, () -> ns.call(() -> vmacs.create("vrrp.9", "nope0", 9, false)));
        assertEquals("use_vmac: parent interface nope0 does not exist", e.getMessage());
    }
}
