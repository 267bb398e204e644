package org.jkeepalived.vrrp.engine;

import java.net.InetAddress;
import org.jkeepalived.vrrp.packet.VrrpAdvert;

/**
 * Output port: sends one VRRP advertisement. The engine calls it once for the multicast group, or
 * once per unicast peer. The same {@link VrrpAdvert} instance is passed again while its content is
 * unchanged, so an implementation may cache the encoded bytes keyed by identity.
 */
@FunctionalInterface
public interface AdvertSender {
    void sendAdvert(VrrpAdvert advert, InetAddress destination);
}
