package org.jkeepalived.checkers.probe;

import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * UDP_CHECK's judgement of a reply: its length within [min, max] and, with a {@code require_reply} pattern, each
 * nibble equal to the pattern's up to the shorter of the two ({@code X} matches any nibble).
 */
final class UdpReply {
    private UdpReply() {
    }

    static ProbeResult judge(ByteBuffer reply, Optional<String> pattern, int min, int max) {
        int n = reply.remaining();
        if (n < min || n > max) {
            return ProbeResult.failed("UDP reply length " + n + " outside " + min + "-" + max);
        }
        if (pattern.isPresent()) {
            String p = pattern.get();
            int nibbles = Math.min(p.length(), n * 2);
            for (int i = 0; i < nibbles; i++) {
                char c = p.charAt(i);
                if (c == 'X' || c == 'x') {
                    continue;
                }
                int b = reply.get(reply.position() + i / 2) & 0xff;
                int nib = i % 2 == 0 ? b >> 4 : b & 0xf;
                if (Character.digit(c, 16) != nib) {
                    return ProbeResult.failed("UDP reply does not match at byte " + i / 2);
                }
            }
        }
        return ProbeResult.ok();
    }
}
