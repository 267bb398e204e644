package org.jkeepalived.ipvs;

/**
 * The counters and rate estimates the kernel keeps per service and per destination ({@code IPVS_STATS_ATTR_*},
 * read from the 64-bit set when the kernel offers it).
 */
public record IpvsStats(long connections, long inPackets, long outPackets, long inBytes, long outBytes,
                        long connectionsPerSecond, long inPacketsPerSecond, long outPacketsPerSecond,
                        long inBytesPerSecond, long outBytesPerSecond) {
    public static final IpvsStats ZERO = new IpvsStats(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
}
