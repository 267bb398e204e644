package org.jkeepalived.vrrp.packet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.stream.Stream;
import org.jkeepalived.core.time.Clock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.LoggerFactory;

/** Every packet captured from keepalived 2.2.7 decodes to its record and encodes back to the same bytes. */
class GoldenPacketTest {

    static InetAddress ip(String literal) {
        return VrrpCodec.address(Addresses.parse(literal));
    }

    static Stream<Arguments> goldens() {
        return Stream.of(
                Arguments.of("v2-noauth", VrrpAdvert.v2(51, 100, 1, AuthType.NONE, null,
                        List.of(ip("192.0.2.51"), ip("192.0.2.52"))).withChecksum(0xf660), ""),
                Arguments.of("v2-pass", VrrpAdvert.v2(52, 150, 2, AuthType.PASS, "secret1",
                        List.of(ip("192.0.2.53"))).withChecksum(0x1846), "secret1"),
                Arguments.of("v2-ah", VrrpAdvert.v2(53, 100, 1, AuthType.AH, null,
                        List.of(ip("192.0.2.54"))).withChecksum(0xb691), "secret1"),
                Arguments.of("v2-prio0", VrrpAdvert.v2(51, 0, 1, AuthType.NONE, null,
                        List.of(ip("192.0.2.51"))).withChecksum(0x1c97), ""),
                Arguments.of("v3-ipv4", VrrpAdvert.v3(54, 200, 50,
                        List.of(ip("192.0.2.55"), ip("192.0.2.56"), ip("192.0.2.57"))).withChecksum(0x1d51), ""),
                Arguments.of("v3-ipv6", VrrpAdvert.v3(56, 100, 100,
                        List.of(ip("fe80::56"), ip("2001:db8::56"))).withChecksum(0x3f4c), ""),
                Arguments.of("v3-ipv6-prio0", VrrpAdvert.v3(56, 0, 100,
                        List.of(ip("fe80::56"), ip("2001:db8::56"))).withChecksum(0xa34c), ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldens")
    void decodesToTheRecord(String name, VrrpAdvert expected, String password) {
        GoldenPacket g = GoldenPacket.load(name);
        assertEquals(expected, VrrpCodec.decode(ByteBuffer.wrap(g.vrrp()), g.source(), g.destination(), false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldens")
    void encodesToTheBytes(String name, VrrpAdvert expected, String password) {
        GoldenPacket g = GoldenPacket.load(name);
        assertArrayEquals(g.vrrp(), VrrpCodec.encode(expected.withChecksum(0), g.source(), g.destination(), false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldens")
    void templateEncodesToTheBytes(String name, VrrpAdvert expected, String password) {
        GoldenPacket g = GoldenPacket.load(name);
        AdvertTemplate t = AdvertTemplate.of(expected.withPriority(77), g.source(), g.destination(), false);
        ByteBuffer out = ByteBuffer.allocate(t.length() + 3).position(3);
        assertEquals(g.vrrp().length, t.encode(expected.priority(), out));
        byte[] got = new byte[g.vrrp().length];
        out.flip().position(3);
        out.get(got);
        assertArrayEquals(g.vrrp(), got);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldens")
    void filterAcceptsIt(String name, VrrpAdvert expected, String password) {
        GoldenPacket g = GoldenPacket.load(name);
        InstanceExpectations ex = expected.version() == 2
                ? InstanceExpectations.v2("VI_1", expected.vrid(), expected.advertInterval(), expected.addresses())
                        .withAuth(expected.authType(), password)
                : InstanceExpectations.v3("VI_1", expected.vrid(), expected.advertInterval(), expected.addresses());
        VrrpStats stats = new VrrpStats();
        Clock clock = () -> 0L;
        AdvertFilter filter = new AdvertFilter(ex, stats,
                new RateLimitedLog(LoggerFactory.getLogger(GoldenPacketTest.class), clock, 1_000_000_000L, 10));
        Verdict v = g.ipv6() ? filter.receive(ByteBuffer.wrap(g.vrrp()), g.reception()) : filter.receiveIpv4(g.datagram());
        Verdict.Accepted a = assertInstanceOf(Verdict.Accepted.class, v);
        assertEquals(expected, a.advert());
        assertEquals(false, a.addressListMismatch());
        assertEquals(1, stats.advertRcvd());
        assertEquals(expected.priority() == 0 ? 1 : 0, stats.priZeroRcvd());
    }
}
