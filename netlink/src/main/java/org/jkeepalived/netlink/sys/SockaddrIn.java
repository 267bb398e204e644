package org.jkeepalived.netlink.sys;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import java.net.Inet4Address;

/** Layout of {@code struct sockaddr_in} from {@code <linux/in.h>}: family, big-endian port, address, zero pad. */
public final class SockaddrIn {
    public static final int SIZE = 16;
    public static final int OFF_FAMILY = 0;
    public static final int OFF_PORT = 2;
    public static final int OFF_ADDR = 4;

    private SockaddrIn() {
    }

    /** A new native {@code sockaddr_in} for {@code address} (port 0, which raw sockets ignore). */
    public static Memory of(Inet4Address address) {
        Memory m = new Memory(SIZE);
        write(m, address);
        return m;
    }

    public static void write(Pointer p, Inet4Address address) {
        p.clear(SIZE);
        p.setShort(OFF_FAMILY, (short) LibC.AF_INET);
        p.write(OFF_ADDR, address.getAddress(), 0, 4);
    }
}
