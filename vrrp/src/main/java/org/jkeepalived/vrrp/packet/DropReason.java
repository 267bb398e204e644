package org.jkeepalived.vrrp.packet;

/**
 * Why a received VRRP packet was dropped. Each reason is one counter in {@link VrrpStats}; the lower-case
 * {@link #statName()} is keepalived's name for it (the {@code vrrp_stats} field names used in its JSON
 * dump and SNMP). {@link #VERS_ERR}, {@link #CHK_ERR} and {@link #VRID_ERR} are router-wide counters in
 * RFC 6527's MIB that keepalived 2.2.7 logs but does not count; {@link #UNICAST_SRC_ERR} is logged only.
 */
public enum DropReason implements Verdict {
    /** Shorter than its header, or its length disagrees with the address count / IP length. */
    PACKET_LEN_ERR,
    /** TTL / hop limit not 255 on a multicast advert, or outside the unicast peer's range. */
    IP_TTL_ERR,
    /** Version is neither 2 nor 3, or not the instance's version. */
    VERS_ERR,
    /** Type is not ADVERTISEMENT (1). */
    INVALID_TYPE_RCVD,
    /** The VRRP checksum does not verify. */
    CHK_ERR,
    /** VRRPv2 Auth Type is not one keepalived knows (0, 1, 2). */
    INVALID_AUTHTYPE,
    /** Auth Type (or the presence of an AH header) differs from the instance's. */
    AUTHTYPE_MISMATCH,
    /** Wrong password, bad AH ICV or SPI. */
    AUTH_FAILURE,
    /** VRRPv2 Adver Int differs from the instance's (RFC 3768 §7.1). */
    ADVERT_INTERVAL_ERR,
    /** No instance for this VRID on the receiving interface (RFC 6527 vrrpv3RouterVrIdErrors). */
    VRID_ERR,
    /** Unicast advert from an address that is not a configured unicast peer (check_unicast_src). */
    UNICAST_SRC_ERR;

    private final String statName = name().toLowerCase(java.util.Locale.ROOT);

    /** keepalived's counter name, e.g. {@code chk_err}. */
    public String statName() {
        return statName;
    }
}
