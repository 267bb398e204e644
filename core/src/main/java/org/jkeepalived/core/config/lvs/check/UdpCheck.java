package org.jkeepalived.core.config.lvs.check;

import java.util.Objects;
import java.util.Optional;
import org.jkeepalived.core.config.SourceLocation;

/**
 * {@code UDP_CHECK}: sends a datagram ({@code payload}, random when absent) and fails on an ICMP error; with
 * {@code require_reply} a reply must arrive whose length lies in [{@code min_reply_length} (default 0),
 * {@code max_reply_length} (default 255)] and which matches {@code replyPattern} when given.
 *
 * @param replyPattern the {@code require_reply} hex string as written, with {@code x}/{@code X} nibbles as
 *                     wildcards, normalised to upper case and whitespace removed
 */
public record UdpCheck(CheckerCommon common, Optional<byte[]> payload, boolean requireReply,
                       Optional<String> replyPattern, int minReplyLength, int maxReplyLength,
                       SourceLocation location) implements Checker {
    public static final int DEFAULT_MAX_REPLY_LENGTH = 255;

    public UdpCheck {
        Objects.requireNonNull(common, "common");
        payload = payload.map(byte[]::clone);
        Objects.requireNonNull(replyPattern, "replyPattern");
        Objects.requireNonNull(location, "location");
    }

    /** A copy of the payload bytes. */
    @Override
    public Optional<byte[]> payload() {
        return payload.map(byte[]::clone);
    }

    @Override
    public String kind() {
        return "UDP_CHECK";
    }
}
