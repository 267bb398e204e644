package org.jkeepalived.netlink.announce;

import java.net.Inet4Address;
import java.nio.ByteBuffer;
import org.jkeepalived.netlink.MacAddress;

/**
 * The gratuitous ARP frame keepalived 2.2.7 sends for a VIP (verified by capture, see
 * {@code GratuitousArpTest}): an Ethernet broadcast carrying an ARP <em>request</em> whose sender
 * and target protocol addresses are both the VIP, sender hardware address the interface (or vmac)
 * MAC, and target hardware address ff:ff:ff:ff:ff:ff. 42 bytes, unpadded (the NIC pads).
 */
public final class GratuitousArp {
    public static final int LENGTH = 42;
    public static final int ETHERTYPE_ARP = 0x0806;
    static final int ETHERTYPE_IPV4 = 0x0800;
    static final int ARPOP_REQUEST = 1;

    private GratuitousArp() {
    }

    public static byte[] frame(MacAddress source, Inet4Address vip) {
        byte[] mac = source.bytes();
        byte[] ip = vip.getAddress();
        ByteBuffer b = ByteBuffer.allocate(LENGTH);
        b.put(MacAddress.BROADCAST.bytes()).put(mac).putShort((short) ETHERTYPE_ARP); // Ethernet header
        b.putShort((short) 1).putShort((short) ETHERTYPE_IPV4).put((byte) 6).put((byte) 4); // Ethernet/IPv4
        b.putShort((short) ARPOP_REQUEST);
        b.put(mac).put(ip); // sender
        b.put(MacAddress.BROADCAST.bytes()).put(ip); // target
        return b.array();
    }
}
