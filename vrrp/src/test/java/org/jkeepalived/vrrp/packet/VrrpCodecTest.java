package org.jkeepalived.vrrp.packet;

import static org.jkeepalived.vrrp.packet.GoldenPacketTest.ip;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

class VrrpCodecTest {
    static final InetAddress SRC = ip("192.0.2.1");
    static final InetAddress GROUP = ip("224.0.0.18");
    static final InetAddress SRC6 = ip("fe80::1");
    static final InetAddress GROUP6 = ip("ff02::12");

    static VrrpPacketException decodeFails(byte[] bytes, InetAddress src, InetAddress dst) {
        return assertThrows(VrrpPacketException.class,
                () -> VrrpCodec.decode(ByteBuffer.wrap(bytes), src, dst, false));
    }

    @Test
    void v2InlineBytes() {
        byte[] wire = {
            0x21, 51, 100, 1,                 // version 2 type 1, vrid 51, priority 100, 1 address
            0, 1, (byte) 0xb8, (byte) 0x96,   // auth none, adver int 1 s, checksum
            (byte) 192, 0, 2, 51,             // 192.0.2.51
            0, 0, 0, 0, 0, 0, 0, 0            // auth data
        };
        VrrpAdvert a = VrrpAdvert.v2(51, 100, 1, AuthType.NONE, null, List.of(ip("192.0.2.51")));
        assertArrayEquals(wire, VrrpCodec.encode(a, SRC, GROUP, false));
        assertEquals(a.withChecksum(0xb896), VrrpCodec.decode(ByteBuffer.wrap(wire), SRC, GROUP, false));
    }

    @Test
    void toStringIsOneLinePinned() {
        assertEquals("VRRPv2 vrid 52 prio 150 int 2s auth PASS \"secret1\" addrs 192.0.2.53 cksum 0x1846",
                VrrpAdvert.v2(52, 150, 2, AuthType.PASS, "secret1", List.of(ip("192.0.2.53")))
                        .withChecksum(0x1846).toString());
        assertEquals("VRRPv3 vrid 56 prio 100 int 100cs addrs fe80::56,2001:db8::56 cksum 0x3f4c",
                VrrpAdvert.v3(56, 100, 100, List.of(ip("fe80::56"), ip("2001:db8::56")))
                        .withChecksum(0x3f4c).toString());
        assertEquals("VRRPv3 vrid 1 prio 0 int 4095cs addrs - cksum 0x0000",
                VrrpAdvert.v3(1, 0, 4095, List.of()).toString());
    }

    @Test
    void badChecksumMessageHasFixedForm() {
        byte[] wire = VrrpCodec.encode(VrrpAdvert.v2(51, 100, 1, AuthType.NONE, null, List.of(ip("192.0.2.51"))),
                SRC, GROUP, false);
        wire[6] = 0x1a;
        wire[7] = 0x2b;
        VrrpPacketException e = decodeFails(wire, SRC, GROUP);
        assertEquals(DropReason.CHK_ERR, e.reason());
        assertEquals("bad checksum 0x1a2b (expected 0xb896)", e.getMessage());
    }

    @Test
    void malformedHeadersThrowWithReason() {
        byte[] good = VrrpCodec.encode(VrrpAdvert.v2(51, 100, 1, AuthType.NONE, null, List.of(ip("192.0.2.51"))),
                SRC, GROUP, false);
        assertEquals("packet too short 7 (expected at least 8)",
                decodeFails(java.util.Arrays.copyOf(good, 7), SRC, GROUP).getMessage());
        byte[] v4 = good.clone();
        v4[0] = 0x41;
        assertEquals(DropReason.VERS_ERR, decodeFails(v4, SRC, GROUP).reason());
        assertEquals("bad version 4 (expected 2 or 3)", decodeFails(v4, SRC, GROUP).getMessage());
        byte[] type2 = good.clone();
        type2[0] = 0x22;
        assertEquals("bad type 2 (expected 1)", decodeFails(type2, SRC, GROUP).getMessage());
        assertEquals(DropReason.INVALID_TYPE_RCVD, decodeFails(type2, SRC, GROUP).reason());
        byte[] count2 = good.clone();
        count2[3] = 2;
        assertEquals("bad length 20 (expected 24)", decodeFails(count2, SRC, GROUP).getMessage());
        assertEquals(DropReason.PACKET_LEN_ERR, decodeFails(count2, SRC, GROUP).reason());
        assertEquals(DropReason.VERS_ERR, decodeFails(good, SRC6, GROUP6).reason()); // v2 over IPv6
    }

    @Test
    void unknownAuthTypeIsInvalidAuthtype() {
        VrrpAdvert a = VrrpAdvert.v2(51, 100, 1, AuthType.NONE, null, List.of(ip("192.0.2.51")));
        byte[] wire = VrrpCodec.encode(a, SRC, GROUP, false);
        wire[4] = 3;
        // fix the checksum so that the auth type is what fails
        wire[6] = 0;
        wire[7] = 0;
        int sum = InternetChecksum.finish(InternetChecksum.add(wire, 0, wire.length, 0));
        wire[6] = (byte) (sum >>> 8);
        wire[7] = (byte) sum;
        VrrpPacketException e = decodeFails(wire, SRC, GROUP);
        assertEquals(DropReason.INVALID_AUTHTYPE, e.reason());
        assertEquals("bad auth type 3 (expected 0, 1 or 2)", e.getMessage());
    }

    @Test
    void enumsRoundTripTheirCodes() {
        for (AuthType t : AuthType.values()) {
            assertEquals(t, AuthType.fromCode(t.code()));
        }
        assertEquals(DropReason.INVALID_AUTHTYPE,
                assertThrows(VrrpPacketException.class, () -> AuthType.fromCode(-1)).reason());
        assertEquals("ip_ttl_err", DropReason.IP_TTL_ERR.statName());
    }

    @Test
    void v3IntervalIsTwelveBitCentiseconds() {
        VrrpAdvert a = VrrpAdvert.v3(7, 100, 0xfff, List.of(ip("192.0.2.7")));
        byte[] wire = VrrpCodec.encode(a, SRC, GROUP, false);
        assertEquals(0x0f, wire[4]);
        assertEquals((byte) 0xff, wire[5]);
        wire[4] |= (byte) 0xf0; // reserved bits are ignored on receive... but they are summed
        assertEquals(DropReason.CHK_ERR, decodeFails(wire, SRC, GROUP).reason());
        assertThrows(IllegalArgumentException.class,
                () -> VrrpCodec.encode(VrrpAdvert.v3(7, 100, 0x1000, List.of()), SRC, GROUP, false));
        assertThrows(IllegalArgumentException.class,
                () -> VrrpCodec.encode(VrrpAdvert.v2(7, 100, 256, AuthType.NONE, null, List.of()), SRC, GROUP, false));
    }

    @Test
    void v3ReservedBitsAreIgnoredWhenTheChecksumCoversThem() {
        VrrpAdvert a = VrrpAdvert.v3(7, 100, 100, List.of(ip("192.0.2.7")));
        byte[] wire = VrrpCodec.encode(a, SRC, GROUP, true);
        wire[4] |= (byte) 0xf0;
        wire[6] = 0;
        wire[7] = 0;
        int sum = InternetChecksum.finish(InternetChecksum.add(wire, 0, wire.length, 0));
        wire[6] = (byte) (sum >>> 8);
        wire[7] = (byte) sum;
        assertEquals(100, VrrpCodec.decode(ByteBuffer.wrap(wire), SRC, GROUP, true).advertInterval());
    }

    /**
     * VRRPv3 over IPv4 without the pseudo-header (RFC 9568 / keepalived's later v3_checksum_as_v2): the
     * checksum is that of the message alone, and each side accepts only its configured form, as
     * keepalived 2.2.7 does (it counts the other form as a checksum error).
     */
    @Test
    void v3Ipv4ChecksumWithAndWithoutPseudoHeader() {
        GoldenPacket g = GoldenPacket.load("v3-ipv4");
        VrrpAdvert a = VrrpCodec.decode(ByteBuffer.wrap(g.vrrp()), g.source(), g.destination(), false);
        byte[] asV2 = VrrpCodec.encode(a, g.source(), g.destination(), true);
        byte[] plain = asV2.clone();
        plain[6] = 0;
        plain[7] = 0;
        assertEquals(InternetChecksum.finish(InternetChecksum.add(plain, 0, plain.length, 0)),
                ((asV2[6] & 0xff) << 8) | (asV2[7] & 0xff));
        assertNotEquals(g.vrrp()[6] << 8 | g.vrrp()[7] & 0xff, asV2[6] << 8 | asV2[7] & 0xff);
        assertEquals(a.withChecksum(((asV2[6] & 0xff) << 8) | (asV2[7] & 0xff)),
                VrrpCodec.decode(ByteBuffer.wrap(asV2), g.source(), g.destination(), true));
        assertEquals(DropReason.CHK_ERR, decodeFails(asV2, g.source(), g.destination()).reason());
        assertEquals(DropReason.CHK_ERR, assertThrows(VrrpPacketException.class, () -> VrrpCodec.decode(
                ByteBuffer.wrap(g.vrrp()), g.source(), g.destination(), true)).reason());
    }

    @Test
    void v3Ipv6ChecksumCoversTheDestination() {
        GoldenPacket g = GoldenPacket.load("v3-ipv6");
        // the same advert sent by unicast to 2001:db8::2 has another checksum
        VrrpAdvert a = VrrpCodec.decode(ByteBuffer.wrap(g.vrrp()), g.source(), g.destination(), false);
        byte[] unicast = VrrpCodec.encode(a, g.source(), ip("2001:db8::2"), false);
        assertNotEquals(g.vrrp()[7], unicast[7]);
        assertEquals(a.addresses(), VrrpCodec.decode(ByteBuffer.wrap(unicast), g.source(), ip("2001:db8::2"), true)
                .addresses()); // v3_checksum_as_v2 never applies to IPv6
        assertEquals(DropReason.CHK_ERR, decodeFails(unicast, g.source(), g.destination()).reason());
    }

    @Test
    void decodeAdvancesToTheLimitAndLeavesOtherBytes() {
        GoldenPacket g = GoldenPacket.load("v2-pass");
        ByteBuffer b = g.datagram().position(20);
        VrrpCodec.decode(b, g.source(), g.destination(), false);
        assertEquals(b.limit(), b.position());
    }

    @Test
    void ipv4MappedAddressStaysIpv6() {
        VrrpAdvert a = VrrpAdvert.v3(9, 100, 100, List.of(VrrpCodec.address(Addresses.parse("::ffff:c000:201"))));
        byte[] wire = VrrpCodec.encode(a, SRC6, GROUP6, false);
        assertEquals(a.withChecksum(((wire[6] & 0xff) << 8) | (wire[7] & 0xff)),
                VrrpCodec.decode(ByteBuffer.wrap(wire), SRC6, GROUP6, false));
    }

    @Test
    void templateFollowsPriorityChanges() {
        VrrpAdvert a = VrrpAdvert.v3(9, 100, 100, List.of(ip("2001:db8::9")));
        AdvertTemplate t = AdvertTemplate.of(a, SRC6, GROUP6, false);
        ByteBuffer out = ByteBuffer.allocate(t.length());
        for (int prio = 0; prio <= 255; prio++) {
            out.clear();
            t.encode(prio, out);
            assertArrayEquals(VrrpCodec.encode(a.withPriority(prio), SRC6, GROUP6, false), out.array(), "prio " + prio);
        }
        assertThrows(IllegalArgumentException.class, () -> t.encode(256, ByteBuffer.allocate(64)));
    }
}
