package org.jkeepalived.vrrp.packet;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The IPsec Authentication Header as keepalived's {@code auth_type AH} sends it (RFC 2338 §5.3.6.2,
 * RFC 2402): a 24-byte header (next header 112, payload length 4, SPI = the sender's IPv4 address,
 * sequence number, a 96-bit HMAC-MD5 ICV) between the IPv4 header and the VRRP message.
 *
 * <p>The ICV is HMAC-MD5 keyed with auth_pass over the IPv4 header with TOS, flags/fragment offset and
 * header checksum zeroed, the AH header with its ICV zeroed, and the VRRP message. Unlike RFC 2402,
 * keepalived does not zero the TTL; this was verified against a packet captured from keepalived 2.2.7
 * ({@code packet/v2-ah.hex}). One verifier per instance: it keeps a {@link Mac} and scratch space.
 */
public final class IpsecAh {
    /** Bytes of the header keepalived sends. */
    public static final int LENGTH = 24;
    static final int ICV_OFFSET = 12;
    static final int ICV_LENGTH = 12;

    private final Mac mac;
    private byte[] scratch = new byte[128];
    private final byte[] digest = new byte[16];

    /** A verifier for the given auth_pass. */
    public IpsecAh(String password) {
        try {
            mac = Mac.getInstance("HmacMD5");
            byte[] key = password.getBytes(StandardCharsets.UTF_8);
            // An empty HMAC key is refused by SecretKeySpec; HMAC pads keys with zeros, so one zero is the same.
            mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, "HmacMD5"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacMD5 unavailable", e);
        }
    }

    /**
     * Checks the AH header that follows the IPv4 header: its length and next header.
     *
     * @throws VrrpPacketException packet_len_err if it is truncated or not the 24-byte form keepalived sends,
     *                             auth_failure if it does not carry VRRP
     */
    static void checkHeader(ByteBuffer datagram, int ahOffset) {
        int left = datagram.limit() - ahOffset;
        if (left < LENGTH) {
            throw VrrpPacketException.of(DropReason.PACKET_LEN_ERR, "AH header too short", left, "at least " + LENGTH);
        }
        int payloadLen = datagram.get(ahOffset + 1) & 0xff;
        if (payloadLen != LENGTH / 4 - 2) {
            throw VrrpPacketException.of(DropReason.PACKET_LEN_ERR, "bad AH length", payloadLen,
                    String.valueOf(LENGTH / 4 - 2));
        }
        int next = datagram.get(ahOffset) & 0xff;
        if (next != InternetChecksum.PROTO_VRRP) {
            throw VrrpPacketException.of(DropReason.AUTH_FAILURE, "bad AH next header", next, "112");
        }
    }

    /**
     * Verifies SPI and ICV of a datagram whose IPv4 header starts at {@code ipOffset} and whose AH header
     * follows it; reads up to the buffer's limit.
     *
     * @throws VrrpPacketException auth_failure if the SPI is not the source address or the ICV is wrong
     */
    public void verify(ByteBuffer datagram, int ipOffset, int headerLength) {
        int ah = ipOffset + headerLength;
        int spi = datagram.getInt(ah + 4);
        int source = datagram.getInt(ipOffset + 12);
        if (spi != source) {
            throw new VrrpPacketException(DropReason.AUTH_FAILURE,
                    String.format("bad AH SPI 0x%08x (expected 0x%08x)", spi, source));
        }
        int total = datagram.limit() - ipOffset;
        if (scratch.length < total) {
            scratch = new byte[total];
        }
        datagram.get(ipOffset, scratch, 0, total);
        scratch[1] = 0;  // TOS
        scratch[6] = 0;  // flags, fragment offset
        scratch[7] = 0;
        scratch[10] = 0; // header checksum
        scratch[11] = 0;
        java.util.Arrays.fill(scratch, headerLength + ICV_OFFSET, headerLength + ICV_OFFSET + ICV_LENGTH, (byte) 0);
        mac.update(scratch, 0, total);
        try {
            mac.doFinal(digest, 0);
        } catch (javax.crypto.ShortBufferException e) {
            throw new IllegalStateException(e); // unreachable: 16 bytes is MD5's length
        }
        datagram.get(ah + ICV_OFFSET, scratch, 0, ICV_LENGTH);
        if (!MessageDigest.isEqual(java.util.Arrays.copyOf(digest, ICV_LENGTH),
                java.util.Arrays.copyOf(scratch, ICV_LENGTH))) {
            throw new VrrpPacketException(DropReason.AUTH_FAILURE, "bad AH ICV " + hex(scratch, ICV_LENGTH)
                    + " (expected " + hex(digest, ICV_LENGTH) + ")");
        }
    }

    private static String hex(byte[] b, int n) {
        StringBuilder sb = new StringBuilder(2 * n);
        for (int i = 0; i < n; i++) {
            sb.append(String.format("%02x", b[i] & 0xff));
        }
        return sb.toString();
    }
}
