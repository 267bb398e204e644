package org.jkeepalived.vrrp.packet;

import java.net.InetAddress;
import java.util.List;
import java.util.Objects;

/**
 * A VRRP ADVERTISEMENT as carried in the IP payload (RFC 3768 §5.1 for version 2, RFC 5798 §5.1 /
 * RFC 9568 §5.1 for version 3). Only what the wire carries: the IP source, destination and TTL are
 * the receive path's business.
 *
 * @param version           2 or 3
 * @param vrid              Virtual Router ID, 1..255
 * @param priority          0..255 (0: the master is stopping; 255: the address owner)
 * @param advertInterval    v2: Adver Int in whole seconds (8 bits); v3: Max Adver Int in centiseconds (12 bits)
 * @param authType          v2 only; {@link AuthType#NONE} for v3
 * @param authData          v2 only: the 8 authentication bytes (zeros when none); empty for v3
 * @param addresses         the virtual addresses, all IPv4 or all IPv6
 * @param checksum          the checksum as carried on the wire (filled in by the encoder)
 */
public record VrrpAdvert(int version, int vrid, int priority, int advertInterval, AuthType authType,
                         byte[] authData, List<InetAddress> addresses, int checksum) {
    public VrrpAdvert {
        Objects.requireNonNull(authType, "authType");
        Objects.requireNonNull(authData, "authData");
        addresses = List.copyOf(addresses);
    }

    /** VRRP's Type field: ADVERTISEMENT is the only type defined. */
    public static final int TYPE_ADVERTISEMENT = 1;
}
