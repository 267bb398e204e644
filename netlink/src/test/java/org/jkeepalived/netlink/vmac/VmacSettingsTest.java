package org.jkeepalived.netlink.vmac;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VmacSettingsTest {
    @Test
    void ipv4VmacGetsWhatKeepalivedSet() {
        assertEquals(List.of(
                "net.ipv4.conf.vrrp.51.arp_ignore = 1",
                "net.ipv4.conf.vrrp.51.accept_local = 1",
                "net.ipv4.conf.vrrp.51.promote_secondaries = 1",
                "net.ipv4.conf.vrrp.51.rp_filter = 0",
                "net.ipv6.conf.vrrp.51.disable_ipv6 = 1"),
                VmacSettings.forVmac("vrrp.51", false).stream().map(SysctlSetting::toString).toList());
        assertEquals(List.of("net.ipv4.conf.eth0.arp_ignore = 1", "net.ipv4.conf.eth0.arp_filter = 1"),
                VmacSettings.forParent("eth0", false).stream().map(SysctlSetting::toString).toList());
    }

    @Test
    void ipv6VmacChangesNoIpv4Settings() {
        assertEquals(List.of(), VmacSettings.forVmac("vrrp6.52", true));
        assertEquals(List.of(), VmacSettings.forParent("eth0", true));
    }

    @Test
    void sysctlWriteReturnsPreviousValue(@TempDir Path root) throws Exception {
        Path f = root.resolve("net/ipv4/conf/eth0/arp_ignore");
        Files.createDirectories(f.getParent());
        Files.writeString(f, "0\n");
        ProcSysctl sysctl = new ProcSysctl(root);
        assertEquals("0", sysctl.write(new SysctlSetting("net/ipv4/conf/eth0/arp_ignore", "1")));
        assertEquals("1", sysctl.read("net/ipv4/conf/eth0/arp_ignore"));
    }

    @Test
    void keysMustStayUnderTheRoot() {
        assertThrows(IllegalArgumentException.class, () -> new SysctlSetting("/etc/passwd", "x"));
        assertThrows(IllegalArgumentException.class, () -> new SysctlSetting("net/../../etc", "x"));
    }
}
