package org.jkeepalived.netlink.sys;

import com.sun.jna.Memory;

/** Layout of {@code struct sockaddr_nl} from {@code <linux/netlink.h>}: family, pad, port id, groups bitmask. */
public final class SockaddrNl {
    public static final int SIZE = 12;
    public static final int OFF_FAMILY = 0;
    public static final int OFF_PID = 4;
    public static final int OFF_GROUPS = 8;

    private SockaddrNl() {
    }

    /** A new native {@code sockaddr_nl}; port id 0 lets the kernel choose, or addresses the kernel as a peer. */
    public static Memory of(int groups) {
        Memory m = new Memory(SIZE);
        m.clear(SIZE);
        m.setShort(OFF_FAMILY, (short) LibC.AF_NETLINK);
        m.setInt(OFF_GROUPS, groups);
        return m;
    }
}
