package org.jkeepalived.netlink.announce;

import java.net.Inet6Address;
import java.nio.ByteBuffer;
import org.jkeepalived.netlink.MacAddress;

/**
 * The unsolicited Neighbour Advertisement frame keepalived 2.2.7 sends for an IPv6 VIP (verified by
 * capture, see {@code NeighbourAdvertisementTest}): from the VIP itself to all-nodes ff02::1
 * (Ethernet 33:33:00:00:00:01), hop limit 255, flags Override only (not Router, not Solicited),
 * target the VIP, with a target link-layer address option carrying the MAC. 86 bytes.
 */
public final class NeighbourAdvertisement {
    public static final int LENGTH = 86;
    public static final int ETHERTYPE_IPV6 = 0x86dd;
    static final int ICMPV6_LENGTH = 32;
    static final int ND_NEIGHBOR_ADVERT = 136;
    static final int NA_FLAG_OVERRIDE = 0x20000000;
    static final int ND_OPT_TARGET_LINKADDR = 2;
    static final byte[] ALL_NODES = {(byte) 0xff, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1};
    static final byte[] ALL_NODES_MAC = {0x33, 0x33, 0, 0, 0, 1};
    static final int NEXT_HEADER_ICMPV6 = 58;

    private NeighbourAdvertisement() {
    }

    public static byte[] frame(MacAddress source, Inet6Address vip) {
        byte[] mac = source.bytes();
        byte[] ip = vip.getAddress();
        ByteBuffer b = ByteBuffer.allocate(LENGTH);
        b.put(ALL_NODES_MAC).put(mac).putShort((short) ETHERTYPE_IPV6);
        b.putInt(0x60000000).putShort((short) ICMPV6_LENGTH).put((byte) NEXT_HEADER_ICMPV6).put((byte) 255);
        b.put(ip).put(ALL_NODES);
        int icmp = b.position();
        b.put((byte) ND_NEIGHBOR_ADVERT).put((byte) 0).putShort((short) 0).putInt(NA_FLAG_OVERRIDE);
        b.put(ip);
        b.put((byte) ND_OPT_TARGET_LINKADDR).put((byte) 1).put(mac);
        b.putShort(icmp + 2, (short) checksum(ip, ALL_NODES, b.array(), icmp, ICMPV6_LENGTH));
        return b.array();
    }

    /** The ICMPv6 checksum (RFC 4443 §2.3) over the IPv6 pseudo-header and {@code length} bytes at {@code offset}. */
    static int checksum(byte[] source, byte[] destination, byte[] data, int offset, int length) {
        long sum = 0;
        for (int i = 0; i < 16; i += 2) {
            sum += word(source, i) + word(destination, i);
        }
        sum += length + NEXT_HEADER_ICMPV6;
        for (int i = 0; i < length; i += 2) {
            sum += i + 1 < length ? word(data, offset + i) : (data[offset + i] & 0xff) << 8;
        }
        while ((sum >> 16) != 0) {
            sum = (sum & 0xffff) + (sum >> 16);
        }
        return (int) (~sum & 0xffff);
    }

    private static int word(byte[] b, int i) {
        return ((b[i] & 0xff) << 8) | (b[i + 1] & 0xff);
    }
}
