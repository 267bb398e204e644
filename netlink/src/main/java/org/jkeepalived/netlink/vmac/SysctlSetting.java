package org.jkeepalived.netlink.vmac;

/** One sysctl value, keyed by its path under /proc/sys ({@code net/ipv4/conf/vrrp.51/arp_ignore}). */
public record SysctlSetting(String key, String value) {
    public SysctlSetting {
        if (key.startsWith("/") || key.contains("..")) {
            throw new IllegalArgumentException("bad sysctl key " + key);
        }
    }

    @Override
    public String toString() {
        return key.replace('/', '.') + " = " + value;
    }
}
