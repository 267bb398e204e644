package org.jkeepalived.vrrp.packet;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Encoder and decoder for the VRRP payload of an IP packet (versions 2 and 3, IPv4 and IPv6).
 *
 * <p>Parsing checks only the packet itself: length, version, type, address count, checksum and the
 * v2 auth type code. Whether the VRID, interval, priority, password or addresses suit an instance is
 * {@link AdvertFilter}'s business. Malformed input throws {@link VrrpPacketException}.
 *
 * <p>Checksums: VRRPv2 sums the VRRP message only (RFC 3768 §5.3.8). VRRPv3 over IPv6 prepends the IPv6
 * pseudo-header. VRRPv3 over IPv4 prepends the IPv4 pseudo-header by default, as keepalived does (its
 * reading of RFC 5798 §5.2.8); with {@code v3ChecksumAsV2} it sums the message only, as RFC 9568 and
 * some vendors do (keepalived ≥ 2.2.8's {@code v3_checksum_as_v2}; 2.2.7 rejects that keyword).
 */
public final class VrrpCodec {
    /** Bytes before the address list. */
    public static final int HEADER_LENGTH = 8;
    /** The VRRPv3 Max Adver Int field is 12 bits of centiseconds (RFC 5798 §5.2.7). */
    public static final int MAX_V3_INTERVAL = 0xfff;

    private VrrpCodec() {
    }

    /**
     * Decodes the VRRP message in {@code buf}'s remaining bytes and advances its position to the limit.
     *
     * @param source         the IP source (its family decides the address length; used by the v3 checksum)
     * @param destination    the IP destination (used by the v3 checksum)
     * @param v3ChecksumAsV2 VRRPv3 over IPv4 checksummed without the pseudo-header
     * @throws VrrpPacketException if the packet is malformed
     */
    public static VrrpAdvert decode(ByteBuffer buf, InetAddress source, InetAddress destination,
                                    boolean v3ChecksumAsV2) {
        int off = buf.position();
        int len = buf.remaining();
        int version = checkHeader(buf, off, len, source instanceof Inet6Address);
        int count = buf.get(off + 3) & 0xff;
        int alen = source instanceof Inet6Address ? 16 : 4;
        int wire = buf.getShort(off + 6) & 0xffff;
        int acc = InternetChecksum.add(buf, off, 6, 0);
        acc = InternetChecksum.add(buf, off + 8, len - 8, acc);
        if (usesPseudoHeader(version, source, v3ChecksumAsV2)) {
            acc += InternetChecksum.pseudoHeader(source.getAddress(), destination.getAddress(), len);
        }
        int expected = InternetChecksum.finish(acc);
        if (wire != expected) {
            throw VrrpPacketException.hex(DropReason.CHK_ERR, "bad checksum", wire, expected);
        }
        AuthType auth = AuthType.NONE;
        byte[] authData = new byte[0];
        int interval;
        if (version == 2) {
            auth = AuthType.fromCode(buf.get(off + 4) & 0xff);
            interval = buf.get(off + 5) & 0xff;
            authData = new byte[VrrpAdvert.AUTH_DATA_LENGTH];
            buf.get(off + HEADER_LENGTH + count * alen, authData);
        } else {
            interval = buf.getShort(off + 4) & MAX_V3_INTERVAL;
        }
        List<InetAddress> addresses = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            byte[] a = new byte[alen];
            buf.get(off + HEADER_LENGTH + i * alen, a);
            addresses.add(address(a));
        }
        buf.position(off + len);
        return new VrrpAdvert(version, buf.get(off + 1) & 0xff, buf.get(off + 2) & 0xff, interval, auth,
                authData, addresses, wire);
    }

    /**
     * Checks what can be checked without the checksum: length, version, type and the length the address
     * count implies. Returns the version.
     */
    static int checkHeader(ByteBuffer buf, int off, int len, boolean ipv6) {
        if (len < HEADER_LENGTH) {
            throw VrrpPacketException.of(DropReason.PACKET_LEN_ERR, "packet too short", len,
                    "at least " + HEADER_LENGTH);
        }
        int b0 = buf.get(off) & 0xff;
        int version = b0 >>> 4;
        if (version != 2 && version != 3) {
            throw VrrpPacketException.of(DropReason.VERS_ERR, "bad version", version, "2 or 3");
        }
        if (version == 2 && ipv6) {
            throw VrrpPacketException.of(DropReason.VERS_ERR, "bad version", version, "3 over IPv6");
        }
        if ((b0 & 0xf) != VrrpAdvert.TYPE_ADVERTISEMENT) {
            throw VrrpPacketException.of(DropReason.INVALID_TYPE_RCVD, "bad type", b0 & 0xf, "1");
        }
        int expectedLength = length(version, buf.get(off + 3) & 0xff, ipv6 ? 16 : 4);
        if (len != expectedLength) {
            throw VrrpPacketException.of(DropReason.PACKET_LEN_ERR, "bad length", len,
                    String.valueOf(expectedLength));
        }
        return version;
    }

    /** The message length for a version, address count and address length. */
    public static int length(int version, int count, int addressLength) {
        return HEADER_LENGTH + count * addressLength + (version == 2 ? VrrpAdvert.AUTH_DATA_LENGTH : 0);
    }

    static boolean usesPseudoHeader(int version, InetAddress source, boolean v3ChecksumAsV2) {
        return version == 3 && (source instanceof Inet6Address || !v3ChecksumAsV2);
    }

    /**
     * Encodes {@code advert} at {@code out}'s position with a freshly computed checksum (the record's
     * checksum is ignored) and advances the position.
     *
     * @return the number of bytes written
     * @throws IllegalArgumentException if a field does not fit its wire width or the families disagree
     */
    public static int encode(VrrpAdvert advert, InetAddress source, InetAddress destination,
                             boolean v3ChecksumAsV2, ByteBuffer out) {
        int off = out.position();
        int len = write(advert, source, out);
        int acc = InternetChecksum.add(out, off, len, 0);
        if (usesPseudoHeader(advert.version(), source, v3ChecksumAsV2)) {
            acc += InternetChecksum.pseudoHeader(source.getAddress(), destination.getAddress(), len);
        }
        out.putShort(off + 6, (short) InternetChecksum.finish(acc));
        return len;
    }

    /** Encodes into a new array; see {@link #encode(VrrpAdvert, InetAddress, InetAddress, boolean, ByteBuffer)}. */
    public static byte[] encode(VrrpAdvert advert, InetAddress source, InetAddress destination,
                                boolean v3ChecksumAsV2) {
        int alen = source instanceof Inet6Address ? 16 : 4;
        ByteBuffer out = ByteBuffer.allocate(length(advert.version(), advert.addresses().size(), alen));
        encode(advert, source, destination, v3ChecksumAsV2, out);
        return out.array();
    }

    /** Writes the message with a zero checksum; returns its length. */
    static int write(VrrpAdvert a, InetAddress source, ByteBuffer out) {
        boolean ipv6 = source instanceof Inet6Address;
        check(a.version() == 2 || a.version() == 3, "version", a.version());
        check(!(ipv6 && a.version() == 2), "version over IPv6", a.version());
        check(a.vrid() >= 0 && a.vrid() <= 255, "vrid", a.vrid());
        check(a.priority() >= 0 && a.priority() <= 255, "priority", a.priority());
        check(a.addresses().size() <= 255, "address count", a.addresses().size());
        int maxInterval = a.version() == 2 ? 255 : MAX_V3_INTERVAL;
        check(a.advertInterval() >= 0 && a.advertInterval() <= maxInterval, "advert interval", a.advertInterval());
        out.put((byte) (a.version() << 4 | VrrpAdvert.TYPE_ADVERTISEMENT));
        out.put((byte) a.vrid());
        out.put((byte) a.priority());
        out.put((byte) a.addresses().size());
        if (a.version() == 2) {
            out.put((byte) a.authType().code());
            out.put((byte) a.advertInterval());
        } else {
            out.putShort((short) a.advertInterval()); // the 4 reserved bits are zero
        }
        out.putShort((short) 0);
        for (InetAddress addr : a.addresses()) {
            check(ipv6 ? addr instanceof Inet6Address : addr instanceof Inet4Address, "address family of " + addr, 0);
            out.put(addr.getAddress());
        }
        if (a.version() == 2) {
            byte[] auth = a.authData();
            check(auth.length == VrrpAdvert.AUTH_DATA_LENGTH, "auth data length", auth.length);
            out.put(auth);
        }
        return length(a.version(), a.addresses().size(), ipv6 ? 16 : 4);
    }

    private static void check(boolean ok, String what, int value) {
        if (!ok) {
            throw new IllegalArgumentException("cannot encode " + what + " " + value);
        }
    }

    static InetAddress address(byte[] raw) {
        try {
            // Literals, no lookup; Inet6Address keeps ::ffff:a.b.c.d an IPv6 address (getByAddress would not).
            return raw.length == 16 ? Inet6Address.getByAddress(null, raw, (java.net.NetworkInterface) null)
                    : InetAddress.getByAddress(raw);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e); // unreachable: raw is 4 or 16 bytes
        }
    }
}
