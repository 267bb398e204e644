package org.jkeepalived.vrrp.packet;

import java.net.InetAddress;
import java.nio.ByteBuffer;

/**
 * The fields of an IPv4 header (RFC 791) that VRRP receive validation needs; a raw IPv4 socket returns
 * the header with every datagram.
 *
 * @param headerLength bytes of header (IHL × 4), options included
 * @param totalLength  the Total Length field
 * @param ttl          Time to Live
 * @param protocol     112 (VRRP) or 51 (AH)
 */
public record Ipv4Header(int headerLength, int totalLength, int ttl, int protocol, InetAddress source,
                         InetAddress destination) {
    /** IP protocol number of the IPsec Authentication Header. */
    public static final int PROTO_AH = 51;
    /** IP protocol number of VRRP. */
    public static final int PROTO_VRRP = InternetChecksum.PROTO_VRRP;
    static final int MIN_LENGTH = 20;

    /**
     * Parses the header at {@code buf}'s position (without moving it). The datagram must be exactly
     * {@code buf.remaining()} bytes long, as a raw socket delivers it.
     *
     * @throws VrrpPacketException (packet_len_err) if the header is short or its lengths disagree
     */
    public static Ipv4Header parse(ByteBuffer buf) {
        int off = buf.position();
        int len = buf.remaining();
        if (len < MIN_LENGTH) {
            throw VrrpPacketException.of(DropReason.PACKET_LEN_ERR, "IPv4 packet too short", len,
                    "at least " + MIN_LENGTH);
        }
        int b0 = buf.get(off) & 0xff;
        if (b0 >>> 4 != 4) {
            throw VrrpPacketException.of(DropReason.PACKET_LEN_ERR, "bad IP version", b0 >>> 4, "4");
        }
        int ihl = (b0 & 0xf) * 4;
        if (ihl < MIN_LENGTH || ihl > len) {
            throw VrrpPacketException.of(DropReason.PACKET_LEN_ERR, "bad IP header length", ihl,
                    MIN_LENGTH + ".." + len);
        }
        int total = buf.getShort(off + 2) & 0xffff;
        if (total != len) {
            throw VrrpPacketException.of(DropReason.PACKET_LEN_ERR, "bad IP total length", total,
                    String.valueOf(len));
        }
        byte[] src = new byte[4];
        byte[] dst = new byte[4];
        buf.get(off + 12, src);
        buf.get(off + 16, dst);
        return new Ipv4Header(ihl, total, buf.get(off + 8) & 0xff, buf.get(off + 9) & 0xff,
                VrrpCodec.address(src), VrrpCodec.address(dst));
    }

    /** The reception this header describes. */
    public Reception reception() {
        return new Reception(source, destination, ttl);
    }
}
