package org.jkeepalived.vrrp.packet;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One instance's VRRP counters, named as keepalived names them ({@code advert_rcvd}, {@code ip_ttl_err},
 * ...). Counting allocates nothing. Not thread-safe: the VRRP loop is single-threaded.
 *
 * <p>As in keepalived 2.2.7 (checked by injecting packets into it), advert_rcvd counts accepted adverts
 * only. Every received packet ends in exactly one of {@code advert_rcvd} (accepted) or one
 * {@link DropReason} counter; {@code addr_list_err} and {@code pri_zero_rcvd} annotate accepted adverts.
 */
public final class VrrpStats {
    private static final DropReason[] REASONS = DropReason.values();

    private final long[] dropped = new long[REASONS.length];
    private long advertRcvd;
    private long advertSent;
    private long becomeMaster;
    private long releaseMaster;
    private long addrListErr;
    private long priZeroRcvd;
    private long priZeroSent;

    /** Sets every counter back to zero (keepalived's STATS_CLEAR signal). */
    public void reset() {
        java.util.Arrays.fill(dropped, 0);
        advertRcvd = 0;
        advertSent = 0;
        becomeMaster = 0;
        releaseMaster = 0;
        addrListErr = 0;
        priZeroRcvd = 0;
        priZeroSent = 0;
    }

    public void drop(DropReason reason) {
        dropped[reason.ordinal()]++;
    }

    public void advertReceived() {
        advertRcvd++;
    }

    public void addressListError() {
        addrListErr++;
    }

    public void priorityZeroReceived() {
        priZeroRcvd++;
    }

    /** Counts a sent advert; {@code priority} 0 also counts pri_zero_sent. */
    public void advertSent(int priority) {
        advertSent++;
        if (priority == 0) {
            priZeroSent++;
        }
    }

    public void becameMaster() {
        becomeMaster++;
    }

    public void releasedMaster() {
        releaseMaster++;
    }

    public long dropped(DropReason reason) {
        return dropped[reason.ordinal()];
    }

    /** The sum of all drop counters. */
    public long droppedTotal() {
        long sum = 0;
        for (long d : dropped) {
            sum += d;
        }
        return sum;
    }

    public long advertRcvd() {
        return advertRcvd;
    }

    public long advertSent() {
        return advertSent;
    }

    public long becomeMaster() {
        return becomeMaster;
    }

    public long releaseMaster() {
        return releaseMaster;
    }

    public long addrListErr() {
        return addrListErr;
    }

    public long priZeroRcvd() {
        return priZeroRcvd;
    }

    public long priZeroSent() {
        return priZeroSent;
    }

    /**
     * All counters by keepalived name: first the fields of keepalived's {@code vrrp_stats} in its JSON
     * order, then the counters keepalived 2.2.7 does not keep (vers_err, chk_err, vrid_err, unicast_src_err).
     */
    public Map<String, Long> snapshot() {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("advert_rcvd", advertRcvd);
        m.put("advert_sent", advertSent);
        m.put("become_master", becomeMaster);
        m.put("release_master", releaseMaster);
        m.put("packet_len_err", dropped(DropReason.PACKET_LEN_ERR));
        m.put("advert_interval_err", dropped(DropReason.ADVERT_INTERVAL_ERR));
        m.put("ip_ttl_err", dropped(DropReason.IP_TTL_ERR));
        m.put("invalid_type_rcvd", dropped(DropReason.INVALID_TYPE_RCVD));
        m.put("addr_list_err", addrListErr);
        m.put("invalid_authtype", dropped(DropReason.INVALID_AUTHTYPE));
        m.put("authtype_mismatch", dropped(DropReason.AUTHTYPE_MISMATCH));
        m.put("auth_failure", dropped(DropReason.AUTH_FAILURE));
        m.put("pri_zero_rcvd", priZeroRcvd);
        m.put("pri_zero_sent", priZeroSent);
        for (DropReason r : REASONS) {
            m.putIfAbsent(r.statName(), dropped(r));
        }
        return m;
    }

    /**
     * This instance's block of keepalived's stats file ({@code /tmp/keepalived.stats}, written on SIGUSR2),
     * line for line as keepalived 2.2.7 writes it; the counters keepalived does not keep are left out.
     */
    public String formatStatsFile(String instanceName) {
        return "VRRP Instance: " + instanceName + "\n"
                + "  Advertisements:\n"
                + "    Received: " + advertRcvd + "\n"
                + "    Sent: " + advertSent + "\n"
                + "  Became master: " + becomeMaster + "\n"
                + "  Released master: " + releaseMaster + "\n"
                + "  Packet Errors:\n"
                + "    Length: " + dropped(DropReason.PACKET_LEN_ERR) + "\n"
                + "    TTL: " + dropped(DropReason.IP_TTL_ERR) + "\n"
                + "    Invalid Type: " + dropped(DropReason.INVALID_TYPE_RCVD) + "\n"
                + "    Advertisement Interval: " + dropped(DropReason.ADVERT_INTERVAL_ERR) + "\n"
                + "    Address List: " + addrListErr + "\n"
                + "  Authentication Errors:\n"
                + "    Invalid Type: " + dropped(DropReason.INVALID_AUTHTYPE) + "\n"
                + "    Type Mismatch: " + dropped(DropReason.AUTHTYPE_MISMATCH) + "\n"
                + "    Failure: " + dropped(DropReason.AUTH_FAILURE) + "\n"
                + "  Priority Zero:\n"
                + "    Received: " + priZeroRcvd + "\n"
                + "    Sent: " + priZeroSent + "\n";
    }

    @Override
    public String toString() {
        return "VrrpStats" + snapshot();
    }
}
