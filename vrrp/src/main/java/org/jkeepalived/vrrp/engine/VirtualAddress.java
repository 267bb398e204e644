package org.jkeepalived.vrrp.engine;

import java.net.InetAddress;
import java.util.Objects;

/**
 * One virtual IP address of an instance (keepalived's virtual_ipaddress entry, reduced to what the
 * engine and its ports need).
 *
 * @param address      the address carried in adverts and announced by GARP / unsolicited NA
 * @param prefixLength the prefix length it is installed with
 * @param device       the interface it is installed on, or null for the instance's interface
 */
public record VirtualAddress(InetAddress address, int prefixLength, String device) {
    public VirtualAddress {
        Objects.requireNonNull(address, "address");
        int max = address.getAddress().length * 8;
        if (prefixLength < 0 || prefixLength > max) {
            throw new IllegalArgumentException("prefix length " + prefixLength + " not in 0.." + max);
        }
    }

    /** A host address (/32 or /128) on the instance's interface. */
    public static VirtualAddress of(InetAddress address) {
        return new VirtualAddress(address, address.getAddress().length * 8, null);
    }
}
