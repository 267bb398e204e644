package org.jkeepalived.vrrp.packet;

import java.net.InetAddress;
import java.util.Objects;

/**
 * What the IP layer tells about a received VRRP message: for IPv4 the header, for IPv6 the
 * {@code recvmsg} source and {@code IPV6_HOPLIMIT} (raw IPv6 sockets never return the header).
 *
 * @param source      IP source address (the sending router's primary or link-local address)
 * @param destination IP destination: 224.0.0.18 / ff02::12, or this router's address for unicast
 * @param ttl         IPv4 TTL or IPv6 hop limit
 */
public record Reception(InetAddress source, InetAddress destination, int ttl) {
    public Reception {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(destination, "destination");
    }

    /** Whether the advert came by unicast (unicast_peer) rather than to the VRRP multicast group. */
    public boolean unicast() {
        return !destination.isMulticastAddress();
    }
}
