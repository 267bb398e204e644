package org.jkeepalived.watchdog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The Linux capabilities of this process, read from {@code /proc/self/status} (its {@code CapEff} line). */
final class Capabilities {
    static final int CAP_NET_ADMIN = 12;
    static final int CAP_NET_RAW = 13;

    private Capabilities() {
    }

    /** What the VRRP child lacks of CAP_NET_ADMIN and CAP_NET_RAW, or null when it has both (or cannot tell). */
    static String missingForVrrp(Path status) {
        try {
            return missing(Files.readString(status));
        } catch (IOException e) {
            return null;
        }
    }

    static String missing(String status) {
        for (String line : status.split("\n")) {
            if (line.startsWith("CapEff:")) {
                long eff = Long.parseUnsignedLong(line.substring(7).trim(), 16);
                boolean admin = (eff & (1L << CAP_NET_ADMIN)) != 0;
                boolean raw = (eff & (1L << CAP_NET_RAW)) != 0;
                if (admin && raw) {
                    return null;
                }
                return !admin && !raw ? "CAP_NET_ADMIN and CAP_NET_RAW" : admin ? "CAP_NET_RAW" : "CAP_NET_ADMIN";
            }
        }
        return null;
    }
}
