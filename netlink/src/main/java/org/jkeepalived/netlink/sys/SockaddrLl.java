package org.jkeepalived.netlink.sys;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;

/**
 * Layout of {@code struct sockaddr_ll} from {@code <linux/if_packet.h>}: family, protocol (network
 * byte order), ifindex, hatype, pkttype, halen, address[8].
 */
public final class SockaddrLl {
    public static final int SIZE = 20;
    public static final int OFF_FAMILY = 0;
    public static final int OFF_PROTOCOL = 2;
    public static final int OFF_IFINDEX = 4;
    public static final int OFF_HATYPE = 8;
    public static final int OFF_PKTTYPE = 10;
    public static final int OFF_HALEN = 11;
    public static final int OFF_ADDR = 12;

    private SockaddrLl() {
    }

    /** A new native {@code sockaddr_ll} for sending {@code ethertype} frames out of {@code ifindex} to {@code dest}. */
    public static Memory of(int ethertype, int ifindex, byte[] dest) {
        Memory m = new Memory(SIZE);
        m.clear(SIZE);
        m.setShort(OFF_FAMILY, (short) LibC.AF_PACKET);
        writeProtocol(m, ethertype);
        m.setInt(OFF_IFINDEX, ifindex);
        if (dest != null) {
            m.setByte(OFF_HALEN, (byte) dest.length);
            m.write(OFF_ADDR, dest, 0, dest.length);
        }
        return m;
    }

    /** Stores {@code sll_protocol}, which the kernel wants in network byte order. */
    public static void writeProtocol(Pointer p, int ethertype) {
        p.setByte(OFF_PROTOCOL, (byte) (ethertype >>> 8));
        p.setByte(OFF_PROTOCOL + 1, (byte) ethertype);
    }
}
