package org.jkeepalived.checkers.probe;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * The DNS_CHECK query and its verdict (RFC 1035 §4.1): a query for {@code name} of {@code type} with recursion
 * desired; the check passes on a response with the same id and rcode NOERROR, as keepalived's check_dns.c.
 */
public final class DnsQuery {
    /** The query types keepalived accepts. */
    static final Map<String, Integer> TYPES = Map.of("A", 1, "NS", 2, "CNAME", 5, "SOA", 6, "MX", 15, "TXT", 16,
            "AAAA", 28);

    private DnsQuery() {
    }

    public static byte[] encode(int id, String name, String type) {
        Integer qtype = TYPES.get(type.toUpperCase(Locale.ROOT));
        if (qtype == null) {
            throw new IllegalArgumentException("unknown DNS type " + type);
        }
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        ByteBuffer h = ByteBuffer.allocate(12);
        h.putShort((short) id).putShort((short) 0x0100) // RD
                .putShort((short) 1).putShort((short) 0).putShort((short) 0).putShort((short) 0);
        b.writeBytes(h.array());
        for (String label : name.split("\\.")) {
            if (label.isEmpty()) {
                continue;
            }
            byte[] l = label.getBytes(StandardCharsets.US_ASCII);
            b.write(l.length);
            b.writeBytes(l);
        }
        b.write(0);
        b.write(qtype >> 8);
        b.write(qtype);
        b.write(0);
        b.write(1); // class IN
        return b.toByteArray();
    }

    /** Why {@code response} fails the check for query {@code id}, or null when it passes. */
    public static String judge(int id, ByteBuffer response) {
        if (response.remaining() < 12) {
            return "DNS response too short (" + response.remaining() + " bytes)";
        }
        int rid = response.getShort(response.position()) & 0xffff;
        int flags = response.getShort(response.position() + 2) & 0xffff;
        if (rid != id) {
            return "DNS response id " + rid + " (expected " + id + ")";
        }
        if ((flags & 0x8000) == 0) {
            return "DNS reply is a query";
        }
        int rcode = flags & 0xf;
        return rcode == 0 ? null : "DNS rcode " + rcode;
    }
}
