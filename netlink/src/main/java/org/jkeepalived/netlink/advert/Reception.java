package org.jkeepalived.netlink.advert;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * What one receive produced: the VRRP packet and the IP facts around it (source, destination,
 * TTL or hop limit, arrival interface). One instance per socket is reused for every packet, so it
 * is valid only until the next receive; the accessors that return {@link InetAddress} allocate,
 * the others do not.
 */
public final class Reception {
    private final byte[] source;
    private final byte[] destination;
    ByteBuffer payload;
    int ttl = -1;
    int ifindex;

    Reception(int addressLength) {
        source = new byte[addressLength];
        destination = new byte[addressLength];
    }

    /** The VRRP packet, from its position to its limit (IPv4: after the IP header). */
    public ByteBuffer payload() {
        return payload;
    }

    /** The received IPv4 TTL or IPv6 hop limit (RFC 5798 §7.1 wants 255), or -1 if unknown. */
    public int ttl() {
        return ttl;
    }

    /** The interface the packet arrived on, or 0 if unknown. */
    public int ifindex() {
        return ifindex;
    }

    public InetAddress source() {
        return inet(source);
    }

    public InetAddress destination() {
        return inet(destination);
    }

    /** Whether the source address equals {@code address} (4 or 16 bytes), without allocating. */
    public boolean sourceEquals(byte[] address) {
        return Arrays.equals(source, address);
    }

    /** Whether the destination is a multicast address (224/4 or ff00::/8). */
    public boolean isMulticast() {
        return destination.length == 4 ? (destination[0] & 0xf0) == 0xe0 : destination[0] == (byte) 0xff;
    }

    byte[] sourceBytes() {
        return source;
    }

    byte[] destinationBytes() {
        return destination;
    }

    private static InetAddress inet(byte[] raw) {
        try {
            return InetAddress.getByAddress(raw.clone());
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "Reception[" + source().getHostAddress() + " > " + destination().getHostAddress() + " ttl " + ttl
                + " ifindex " + ifindex + " " + (payload == null ? 0 : payload.remaining()) + " bytes]";
    }
}
