package org.jkeepalived.vrrp.packet;

import java.net.InetAddress;
import java.util.List;
import java.util.Objects;

/**
 * What one vrrp_instance expects of the adverts it receives; built from its configuration.
 *
 * @param name             the instance name, for log lines ({@code VI_1})
 * @param version          2 or 3 (keepalived's {@code version} / {@code vrrp_version})
 * @param vrid             {@code virtual_router_id}
 * @param authType         v2 {@code auth_type}; NONE for v3
 * @param password         v2 {@code auth_pass} (PASS or AH), empty if none
 * @param advertInterval   {@code advert_int}: whole seconds for v2, centiseconds for v3
 * @param virtualAddresses {@code virtual_ipaddress} (the addresses an advert is expected to list)
 * @param unicastPeers     {@code unicast_peer} addresses; empty for multicast
 * @param checkUnicastSrc  {@code check_unicast_src}: unicast adverts must come from a unicast peer
 * @param v3ChecksumAsV2   {@code v3_checksum_as_v2}: VRRPv3 over IPv4 checksummed without pseudo-header
 * @param skipCheckAdvAddr {@code skip_check_adv_addr}: no address-list check while the master is unchanged
 */
public record InstanceExpectations(String name, int version, int vrid, AuthType authType, String password,
                                   int advertInterval, List<InetAddress> virtualAddresses,
                                   List<InetAddress> unicastPeers, boolean checkUnicastSrc,
                                   boolean v3ChecksumAsV2, boolean skipCheckAdvAddr) {
    public InstanceExpectations {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(authType, "authType");
        Objects.requireNonNull(password, "password");
        virtualAddresses = List.copyOf(virtualAddresses);
        unicastPeers = List.copyOf(unicastPeers);
        if (version != 2 && version != 3) {
            throw new IllegalArgumentException("version " + version);
        }
        if (vrid < 1 || vrid > 255) {
            throw new IllegalArgumentException("vrid " + vrid);
        }
    }

    /** A VRRPv2 multicast instance without authentication. */
    public static InstanceExpectations v2(String name, int vrid, int adverIntSeconds, List<InetAddress> vips) {
        return new InstanceExpectations(name, 2, vrid, AuthType.NONE, "", adverIntSeconds, vips, List.of(),
                false, false, false);
    }

    /** A VRRPv3 multicast instance. */
    public static InstanceExpectations v3(String name, int vrid, int maxAdverIntCentis, List<InetAddress> vips) {
        return new InstanceExpectations(name, 3, vrid, AuthType.NONE, "", maxAdverIntCentis, vips, List.of(),
                false, false, false);
    }

    public InstanceExpectations withAuth(AuthType type, String pass) {
        return new InstanceExpectations(name, version, vrid, type, pass, advertInterval, virtualAddresses,
                unicastPeers, checkUnicastSrc, v3ChecksumAsV2, skipCheckAdvAddr);
    }

    public InstanceExpectations withUnicastPeers(List<InetAddress> peers, boolean checkSrc) {
        return new InstanceExpectations(name, version, vrid, authType, password, advertInterval, virtualAddresses,
                peers, checkSrc, v3ChecksumAsV2, skipCheckAdvAddr);
    }

    public InstanceExpectations withV3ChecksumAsV2(boolean asV2) {
        return new InstanceExpectations(name, version, vrid, authType, password, advertInterval, virtualAddresses,
                unicastPeers, checkUnicastSrc, asV2, skipCheckAdvAddr);
    }

    public InstanceExpectations withSkipCheckAdvAddr(boolean skip) {
        return new InstanceExpectations(name, version, vrid, authType, password, advertInterval, virtualAddresses,
                unicastPeers, checkUnicastSrc, v3ChecksumAsV2, skip);
    }
}
