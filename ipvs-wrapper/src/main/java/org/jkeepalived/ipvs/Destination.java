package org.jkeepalived.ipvs;

import java.net.InetAddress;
import java.util.Objects;
import java.util.OptionalInt;
import org.jkeepalived.core.config.lvs.Forwarding;
import org.jkeepalived.core.config.lvs.IpFamily;

/**
 * One destination (real server) of a virtual service with what {@code IPVS_CMD_SET_DEST} can change.
 *
 * @param forwarding     NAT, DR or TUN (with its tunnel type, port and checksum); normalized so that a value read
 *                       back from the kernel equals the one written: no tunnel details unless TUN, {@code nocsum}
 *                       as NONE (the kernel's 0)
 * @param weight         0..2147483647; 0 = quiesced (keepalived's inhibit_on_failure)
 * @param upperThreshold maximum connections, 0 = none (u32)
 * @param lowerThreshold connections below which an overloaded server is used again, 0 = none (u32)
 */
public record Destination(InetAddress address, int port, Forwarding forwarding, int weight, long upperThreshold,
                          long lowerThreshold) {
    public Destination {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(forwarding, "forwarding");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("bad port " + port);
        }
        if (weight < 0) {
            throw new IllegalArgumentException("bad weight " + weight);
        }
        if (upperThreshold < 0 || upperThreshold > 0xffffffffL || lowerThreshold < 0 || lowerThreshold > 0xffffffffL) {
            throw new IllegalArgumentException("bad threshold " + upperThreshold + "/" + lowerThreshold);
        }
        forwarding = normalize(forwarding);
    }

    /** A destination with no thresholds. */
    public static Destination of(InetAddress address, int port, Forwarding.Method method, int weight) {
        return new Destination(address, port, Forwarding.of(method), weight, 0, 0);
    }

    public DestinationKey key() {
        return new DestinationKey(address, port);
    }

    public IpFamily family() {
        return IpFamily.of(address);
    }

    public Destination withWeight(int w) {
        return new Destination(address, port, forwarding, w, upperThreshold, lowerThreshold);
    }

    public Destination withThresholds(long upper, long lower) {
        return new Destination(address, port, forwarding, weight, upper, lower);
    }

    private static Forwarding normalize(Forwarding f) {
        if (f.method() != Forwarding.Method.TUN) {
            return Forwarding.of(f.method());
        }
        Forwarding.TunnelChecksum c = f.checksum() == Forwarding.TunnelChecksum.NOCSUM
                ? Forwarding.TunnelChecksum.NONE : f.checksum();
        OptionalInt port = f.tunnelType() == Forwarding.TunnelType.GUE ? f.tunnelPort() : OptionalInt.empty();
        return new Forwarding(f.method(), f.tunnelType(), port, c);
    }
}
