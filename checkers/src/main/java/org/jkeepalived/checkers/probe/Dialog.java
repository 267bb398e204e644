package org.jkeepalived.checkers.probe;

import java.nio.ByteBuffer;

/**
 * The application side of a stream probe (HTTP, SMTP): what to send once connected and what the bytes received
 * so far mean. Pure: it never touches the channel.
 */
interface Dialog {
    /** What the dialog decided after some input. */
    sealed interface Step permits More, Send, Done {
    }

    /** Wait for more input. */
    record More() implements Step {
    }

    /** Send these bytes, then wait for more input. */
    record Send(byte[] bytes) implements Step {
    }

    /** The probe is over. */
    record Done(ProbeResult result) implements Step {
    }

    Step MORE = new More();

    /** Bytes to send as soon as the connection (and TLS handshake) is up; empty to wait for the server. */
    byte[] opening();

    /** {@code received} holds everything read so far (flipped for reading); {@code eof} when the peer closed. */
    Step received(ByteBuffer received, boolean eof);
}
