package org.jkeepalived.vrrp.packet;

import java.util.Objects;

/**
 * A VRRP packet that cannot be decoded; the one exception the codec throws for malformed input. The
 * message has a fixed form, {@code bad checksum 0x1a2b (expected 0x3c4d)}: what, what was seen, and what
 * was expected.
 */
public final class VrrpPacketException extends RuntimeException {
    private final DropReason reason;

    public VrrpPacketException(DropReason reason, String message) {
        super(message, null, false, false); // no stack trace: this is a counted event, not a bug
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** The keepalived counter this failure is counted under. */
    public DropReason reason() {
        return reason;
    }

    static VrrpPacketException of(DropReason reason, String what, int got, String expected) {
        return new VrrpPacketException(reason, what + " " + got + " (expected " + expected + ")");
    }

    static VrrpPacketException hex(DropReason reason, String what, int got, int expected) {
        return new VrrpPacketException(reason,
                String.format("%s 0x%04x (expected 0x%04x)", what, got, expected));
    }
}
