package org.jkeepalived.core.config.lvs;

import java.net.Inet4Address;
import java.net.InetAddress;

/** An address family as keepalived's {@code ip_family} names it. */
public enum IpFamily {
    INET, INET6;

    public static IpFamily of(InetAddress a) {
        return a instanceof Inet4Address ? INET : INET6;
    }
}
