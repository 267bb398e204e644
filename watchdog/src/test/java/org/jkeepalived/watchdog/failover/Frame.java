package org.jkeepalived.watchdog.failover;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One frame as {@code tcpdump -n -tt -e} printed it: kernel timestamp in microseconds since the
 * epoch, the Ethernet source and destination, and the rest of the line.
 */
record Frame(long micros, String source, String destination, String text) {
    private static final Pattern LINE =
            Pattern.compile("^(\\d+)\\.(\\d{6}) ([0-9a-f:]{17}) > ([0-9a-f:]{17}), (.*)$");
    private static final Pattern PRIORITY = Pattern.compile("prio (\\d+)");

    static Optional<Frame> parse(String line) {
        Matcher m = LINE.matcher(line.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        long micros = Long.parseLong(m.group(1)) * 1_000_000 + Long.parseLong(m.group(2));
        return Optional.of(new Frame(micros, m.group(3), m.group(4), m.group(5)));
    }

    /** A VRRP advertisement (v2 or v3, IPv4 or IPv6). */
    boolean isAdvert() {
        return text.contains("VRRPv") && text.contains("Advertisement");
    }

    /** The advertised priority, for an advert. */
    int priority() {
        Matcher m = PRIORITY.matcher(text);
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    /** A gratuitous ARP for {@code address} (request or reply whose sender is the address itself). */
    boolean isGarpFor(String address) {
        return text.contains("ARP") && (text.contains("tell " + address + ",")
                || text.contains("Reply " + address + " is-at"));
    }

    /** An unsolicited neighbour advertisement for {@code address}. */
    boolean isNaFor(String address) {
        return text.contains("neighbor advertisement") && text.contains("tgt is " + address + ",");
    }

    /** A GARP (IPv4) or NA (IPv6) announcing {@code address}. */
    boolean announces(String address) {
        return address.contains(":") ? isNaFor(address) : isGarpFor(address);
    }
}
