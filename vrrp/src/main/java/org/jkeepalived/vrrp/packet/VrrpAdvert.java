package org.jkeepalived.vrrp.packet;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
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
        authData = authData.clone();
        addresses = List.copyOf(addresses);
    }

    /** VRRP's Type field: ADVERTISEMENT is the only type defined. */
    public static final int TYPE_ADVERTISEMENT = 1;

    /** Length of the VRRPv2 authentication data (RFC 3768 §5.3.10). */
    public static final int AUTH_DATA_LENGTH = 8;

    /** A VRRPv2 advert; {@code password} is the PASS secret (truncated / zero-padded to 8 bytes) or null. */
    public static VrrpAdvert v2(int vrid, int priority, int adverIntSeconds, AuthType authType, String password,
                                List<InetAddress> addresses) {
        return new VrrpAdvert(2, vrid, priority, adverIntSeconds, authType, passwordBytes(password), addresses, 0);
    }

    /** A VRRPv3 advert; the interval is in centiseconds. */
    public static VrrpAdvert v3(int vrid, int priority, int maxAdverIntCentis, List<InetAddress> addresses) {
        return new VrrpAdvert(3, vrid, priority, maxAdverIntCentis, AuthType.NONE, new byte[0], addresses, 0);
    }

    /** The 8 bytes keepalived sends for a PASS password: the first 8 bytes, zero-padded. */
    public static byte[] passwordBytes(String password) {
        byte[] out = new byte[AUTH_DATA_LENGTH];
        if (password != null) {
            byte[] p = password.getBytes(StandardCharsets.UTF_8);
            System.arraycopy(p, 0, out, 0, Math.min(p.length, AUTH_DATA_LENGTH));
        }
        return out;
    }

    /** The authentication data (a copy: the record stays immutable). */
    @Override
    public byte[] authData() {
        return authData.clone();
    }

    /** Whether the auth data equals {@code expected} (8 bytes), without copying. */
    boolean authDataEquals(byte[] expected) {
        return Arrays.equals(authData, expected);
    }

    /** The same advert with another priority (the master's only per-send change). */
    public VrrpAdvert withPriority(int newPriority) {
        return new VrrpAdvert(version, vrid, newPriority, advertInterval, authType, authData, addresses, checksum);
    }

    /** The same advert with the given wire checksum. */
    public VrrpAdvert withChecksum(int newChecksum) {
        return new VrrpAdvert(version, vrid, priority, advertInterval, authType, authData, addresses, newChecksum);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VrrpAdvert a && version == a.version && vrid == a.vrid && priority == a.priority
                && advertInterval == a.advertInterval && authType == a.authType && checksum == a.checksum
                && Arrays.equals(authData, a.authData) && addresses.equals(a.addresses);
    }

    @Override
    public int hashCode() {
        return Objects.hash(version, vrid, priority, advertInterval, authType, Arrays.hashCode(authData),
                addresses, checksum);
    }

    /** One line, e.g. {@code VRRPv2 vrid 51 prio 100 int 1s auth PASS "secret1" addrs 192.0.2.51 cksum 0x1a2b}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(96).append("VRRPv").append(version)
                .append(" vrid ").append(vrid).append(" prio ").append(priority)
                .append(" int ").append(advertInterval).append(version == 2 ? "s" : "cs");
        if (version == 2) {
            sb.append(" auth ").append(authType);
            if (authType == AuthType.PASS) {
                sb.append(" \"").append(AddressText.printable(authData)).append('"');
            }
        }
        sb.append(" addrs ");
        for (int i = 0; i < addresses.size(); i++) {
            sb.append(i == 0 ? "" : ",").append(AddressText.of(addresses.get(i)));
        }
        if (addresses.isEmpty()) {
            sb.append('-');
        }
        return sb.append(String.format(" cksum 0x%04x", checksum)).toString();
    }
}
