package org.jkeepalived.vrrp.packet;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.ByteBuffer;

/**
 * A master's advert prepared once and sent every interval. Only the priority changes between sends, so
 * the checksum is kept as a partial sum and finished per send: {@link #encode(int, ByteBuffer)} allocates
 * nothing.
 */
public final class AdvertTemplate {
    private final VrrpAdvert advert;
    private final byte[] bytes;
    private final int partialSum; // every word, pseudo-header included, with priority and checksum zero

    private AdvertTemplate(VrrpAdvert advert, byte[] bytes, int partialSum) {
        this.advert = advert;
        this.bytes = bytes;
        this.partialSum = partialSum;
    }

    /**
     * Prepares {@code advert} (its priority and checksum are ignored) for the given IP source and
     * destination; a unicast instance needs one template per peer for VRRPv3.
     */
    public static AdvertTemplate of(VrrpAdvert advert, InetAddress source, InetAddress destination,
                                    boolean v3ChecksumAsV2) {
        int alen = source instanceof Inet6Address ? 16 : 4;
        ByteBuffer buf = ByteBuffer.allocate(VrrpCodec.length(advert.version(), advert.addresses().size(), alen));
        VrrpCodec.write(advert.withPriority(0), source, buf);
        byte[] bytes = buf.array();
        int acc = InternetChecksum.add(bytes, 0, bytes.length, 0);
        if (VrrpCodec.usesPseudoHeader(advert.version(), source, v3ChecksumAsV2)) {
            acc += InternetChecksum.pseudoHeader(source.getAddress(), destination.getAddress(), bytes.length);
        }
        return new AdvertTemplate(advert.withPriority(0).withChecksum(0), bytes, acc);
    }

    /** The message length in bytes. */
    public int length() {
        return bytes.length;
    }

    /** The advert this template sends (priority and checksum zero). */
    public VrrpAdvert advert() {
        return advert;
    }

    /**
     * Writes the advert with {@code priority} at {@code out}'s position and advances it.
     *
     * @return the number of bytes written
     * @throws IllegalArgumentException if the priority is not 0..255
     * @throws java.nio.BufferOverflowException if {@code out} has less than {@link #length()} bytes left
     */
    public int encode(int priority, ByteBuffer out) {
        if (priority < 0 || priority > 255) {
            throw new IllegalArgumentException("cannot encode priority " + priority);
        }
        int off = out.position();
        out.put(bytes);
        out.put(off + 2, (byte) priority);
        // the priority is the high byte of the second 16-bit word
        out.putShort(off + 6, (short) InternetChecksum.finish(partialSum + (priority << 8)));
        return bytes.length;
    }
}
