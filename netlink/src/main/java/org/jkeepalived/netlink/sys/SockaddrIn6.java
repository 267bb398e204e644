package org.jkeepalived.netlink.sys;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import java.net.Inet6Address;

/** Layout of {@code struct sockaddr_in6} from {@code <linux/in6.h>}: family, port, flowinfo, address, scope id. */
public final class SockaddrIn6 {
    public static final int SIZE = 28;
    public static final int OFF_FAMILY = 0;
    public static final int OFF_PORT = 2;
    public static final int OFF_FLOWINFO = 4;
    public static final int OFF_ADDR = 8;
    public static final int OFF_SCOPE_ID = 24;

    private SockaddrIn6() {
    }

    /** A new native {@code sockaddr_in6}; {@code scopeId} is the interface index for link-local addresses. */
    public static Memory of(Inet6Address address, int scopeId) {
        Memory m = new Memory(SIZE);
        write(m, address, scopeId);
        return m;
    }

    public static void write(Pointer p, Inet6Address address, int scopeId) {
        p.clear(SIZE);
        p.setShort(OFF_FAMILY, (short) LibC.AF_INET6);
        p.write(OFF_ADDR, address.getAddress(), 0, 16);
        p.setInt(OFF_SCOPE_ID, scopeId);
    }
}
