package org.jkeepalived.vrrp.packet;

import static org.jkeepalived.vrrp.packet.GoldenPacketTest.ip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

class AdvertFilterTest {
    static final InetAddress SRC = ip("192.0.2.1");
    static final InetAddress GROUP = ip("224.0.0.18");
    static final InetAddress ME = ip("192.0.2.2");
    static final List<InetAddress> VIPS = List.of(ip("192.0.2.51"), ip("192.0.2.52"));

    final RecordingLogger logger = new RecordingLogger();
    long now;
    final RateLimitedLog log = new RateLimitedLog(logger, () -> now, 1_000_000_000L, 5);
    final VrrpStats stats = new VrrpStats();

    AdvertFilter filter(InstanceExpectations ex) {
        return new AdvertFilter(ex, stats, log);
    }

    static ByteBuffer v2(int vrid, int prio, int interval, AuthType auth, String pass, List<InetAddress> addrs) {
        return ByteBuffer.wrap(VrrpCodec.encode(VrrpAdvert.v2(vrid, prio, interval, auth, pass, addrs), SRC, GROUP,
                false));
    }

    static ByteBuffer ipv4(int ttl, InetAddress dst, ByteBuffer vrrp) {
        ByteBuffer b = ByteBuffer.allocate(20 + vrrp.remaining());
        b.put((byte) 0x45).put((byte) 0xc0).putShort((short) (20 + vrrp.remaining())).putInt(0)
                .put((byte) ttl).put((byte) 112).putShort((short) 0).put(SRC.getAddress()).put(dst.getAddress())
                .put(vrrp.duplicate()).flip();
        return b;
    }

    @Test
    void acceptsAMatchingAdvertAndCountsIt() {
        AdvertFilter f = filter(InstanceExpectations.v2("VI_1", 51, 1, VIPS));
        Verdict v = f.receiveIpv4(ipv4(255, GROUP, v2(51, 100, 1, AuthType.NONE, null, VIPS)));
        assertEquals(100, assertInstanceOf(Verdict.Accepted.class, v).advert().priority());
        assertEquals(1, stats.advertRcvd());
        assertEquals(0, stats.droppedTotal());
    }

    @Test
    void multicastTtlMustBe255() {
        AdvertFilter f = filter(InstanceExpectations.v2("VI_1", 51, 1, VIPS));
        assertSame(DropReason.IP_TTL_ERR, f.receiveIpv4(ipv4(254, GROUP, v2(51, 100, 1, AuthType.NONE, null, VIPS))));
        assertEquals(1, stats.dropped(DropReason.IP_TTL_ERR));
        assertEquals(List.of("(VI_1) invalid TTL/HL. Received 254 and expect 255"), logger.lines);
        // unicast adverts may have crossed routers
        assertInstanceOf(Verdict.Accepted.class,
                f.receiveIpv4(ipv4(64, ME, v2(51, 100, 1, AuthType.NONE, null, VIPS))));
    }

    @Test
    void ttlIsCheckedBeforeTheChecksum() {
        AdvertFilter f = filter(InstanceExpectations.v2("VI_1", 51, 1, VIPS));
        ByteBuffer bad = v2(51, 100, 1, AuthType.NONE, null, VIPS);
        bad.put(7, (byte) (bad.get(7) + 1));
        assertSame(DropReason.IP_TTL_ERR, f.receive(bad, new Reception(SRC, GROUP, 1)));
        assertSame(DropReason.CHK_ERR, f.receive(bad, new Reception(SRC, GROUP, 255)));
    }

    @Test
    void versionMustBeTheInstances() {
        AdvertFilter f = filter(InstanceExpectations.v3("VI_1", 51, 100, VIPS));
        assertSame(DropReason.VERS_ERR, f.receive(v2(51, 100, 1, AuthType.NONE, null, VIPS),
                new Reception(SRC, GROUP, 255)));
        assertEquals("(VI_1) wrong version. Received 2 and expect 3", logger.lines.get(0));
    }

    @Test
    void v2AuthenticationIsChecked() {
        AdvertFilter f = filter(InstanceExpectations.v2("VI_1", 51, 1, VIPS).withAuth(AuthType.PASS, "secret1"));
        Reception r = new Reception(SRC, GROUP, 255);
        assertSame(DropReason.AUTHTYPE_MISMATCH, f.receive(v2(51, 100, 1, AuthType.NONE, null, VIPS), r));
        assertSame(DropReason.AUTH_FAILURE, f.receive(v2(51, 100, 1, AuthType.PASS, "secret2", VIPS), r));
        assertInstanceOf(Verdict.Accepted.class, f.receive(v2(51, 100, 1, AuthType.PASS, "secret1", VIPS), r));
        // keepalived compares the 8 bytes it sends: a longer password matches on its first 8
        AdvertFilter g = filter(InstanceExpectations.v2("VI_2", 51, 1, VIPS).withAuth(AuthType.PASS, "12345678xyz"));
        assertInstanceOf(Verdict.Accepted.class, g.receive(v2(51, 100, 1, AuthType.PASS, "12345678", VIPS), r));
        assertEquals(List.of("(VI_1) received a 0 auth, expecting 1!", "(VI_1) received an invalid passwd!"),
                logger.lines);
    }

    @Test
    void v2IntervalMismatchIsDroppedV3IsOnlyLogged() {
        Reception r = new Reception(SRC, GROUP, 255);
        AdvertFilter f2 = filter(InstanceExpectations.v2("VI_1", 51, 1, VIPS));
        assertSame(DropReason.ADVERT_INTERVAL_ERR, f2.receive(v2(51, 100, 2, AuthType.NONE, null, VIPS), r));
        AdvertFilter f3 = filter(InstanceExpectations.v3("VI_3", 51, 100, VIPS));
        ByteBuffer v3 = ByteBuffer.wrap(VrrpCodec.encode(VrrpAdvert.v3(51, 100, 200, VIPS), SRC, GROUP, false));
        assertInstanceOf(Verdict.Accepted.class, f3.receive(v3, r));
        assertEquals(List.of("(VI_1) advertisement interval mismatch mine=1 sec rcv'd=2 sec",
                "(VI_3) advertisement interval 200cs differs from mine 100cs"), logger.lines);
        assertEquals(1, stats.dropped(DropReason.ADVERT_INTERVAL_ERR));
        assertEquals(1, stats.advertRcvd());
    }

    @Test
    void addressListMismatchIsCountedNotDropped() {
        AdvertFilter f = filter(InstanceExpectations.v2("VI_1", 51, 1, VIPS));
        Reception r = new Reception(SRC, GROUP, 255);
        Verdict v = f.receive(v2(51, 100, 1, AuthType.NONE, null, List.of(ip("192.0.2.51"))), r);
        assertTrue(assertInstanceOf(Verdict.Accepted.class, v).addressListMismatch());
        assertEquals(1, stats.addrListErr());
        assertEquals(1, stats.advertRcvd());
        assertEquals("(VI_1) address list mismatch: received 1 addresses [192.0.2.51], expected "
                + "[192.0.2.51, 192.0.2.52]", logger.lines.get(0));
        // order does not matter
        Verdict swapped = f.receive(v2(51, 100, 1, AuthType.NONE, null, List.of(VIPS.get(1), VIPS.get(0))), r);
        assertEquals(false, assertInstanceOf(Verdict.Accepted.class, swapped).addressListMismatch());
    }

    @Test
    void skipCheckAdvAddrSkipsWhileTheMasterIsUnchanged() {
        AdvertFilter f = filter(InstanceExpectations.v2("VI_1", 51, 1, VIPS).withSkipCheckAdvAddr(true));
        ByteBuffer wrong = v2(51, 100, 1, AuthType.NONE, null, List.of(ip("192.0.2.99")));
        f.receive(wrong, new Reception(SRC, GROUP, 255));
        f.receive(wrong, new Reception(SRC, GROUP, 255));
        assertEquals(1, stats.addrListErr());
        f.receive(wrong, new Reception(ip("192.0.2.3"), GROUP, 255));
        assertEquals(2, stats.addrListErr());
    }

    @Test
    void priorityZeroIsCountedAndNotCheckedForAddresses() {
        AdvertFilter f = filter(InstanceExpectations.v2("VI_1", 51, 1, VIPS));
        Verdict v = f.receive(v2(51, 0, 1, AuthType.NONE, null, List.of()), new Reception(SRC, GROUP, 255));
        assertEquals(0, assertInstanceOf(Verdict.Accepted.class, v).advert().priority());
        assertEquals(1, stats.priZeroRcvd());
        assertEquals(0, stats.addrListErr());
    }

    @Test
    void unicastSourceMustBeAPeerWhenChecked() {
        InstanceExpectations ex = InstanceExpectations.v2("VI_1", 51, 1, VIPS).withUnicastPeers(List.of(SRC), true);
        AdvertFilter f = filter(ex);
        ByteBuffer adv = v2(51, 100, 1, AuthType.NONE, null, VIPS);
        assertInstanceOf(Verdict.Accepted.class, f.receive(adv, new Reception(SRC, ME, 64)));
        assertSame(DropReason.UNICAST_SRC_ERR, f.receive(adv, new Reception(ip("192.0.2.9"), ME, 64)));
        assertEquals("(VI_1) unicast source address 192.0.2.9 not a unicast peer", logger.lines.get(0));
        AdvertFilter unchecked = filter(ex.withUnicastPeers(List.of(SRC), false));
        assertInstanceOf(Verdict.Accepted.class, unchecked.receive(adv, new Reception(ip("192.0.2.9"), ME, 64)));
    }

    @Test
    void ahIsRequiredWhenConfiguredAndRejectedOtherwise() {
        GoldenPacket g = GoldenPacket.load("v2-ah");
        List<InetAddress> vip = List.of(ip("192.0.2.54"));
        AdvertFilter plain = filter(InstanceExpectations.v2("VI_1", 53, 1, vip));
        assertSame(DropReason.AUTHTYPE_MISMATCH, plain.receiveIpv4(g.datagram()));
        AdvertFilter wrongPass = filter(InstanceExpectations.v2("VI_2", 53, 1, vip).withAuth(AuthType.AH, "secret2"));
        assertSame(DropReason.AUTH_FAILURE, wrongPass.receiveIpv4(g.datagram()));
        assertTrue(logger.lines.get(1).startsWith("(VI_2) bad AH ICV 5d08aa48b584409b13e1a700 (expected "),
                logger.lines.get(1));
        AdvertFilter ah = filter(InstanceExpectations.v2("VI_3", 53, 1, vip).withAuth(AuthType.AH, "secret1"));
        assertInstanceOf(Verdict.Accepted.class, ah.receiveIpv4(g.datagram()));
        // a TTL change is not a mutable field for keepalived's ICV, but any TTL but 255 is dropped earlier
        ByteBuffer tampered = g.datagram();
        tampered.put(20 + 24 + 2, (byte) 101); // priority
        assertSame(DropReason.CHK_ERR, ah.receiveIpv4(tampered));
        ByteBuffer noAh = ipv4(255, GROUP, v2(53, 100, 1, AuthType.NONE, null, vip));
        assertSame(DropReason.AUTHTYPE_MISMATCH, ah.receiveIpv4(noAh));
        assertSame(DropReason.AUTHTYPE_MISMATCH, ah.receive(v2(53, 100, 1, AuthType.AH, null, vip),
                new Reception(SRC, GROUP, 255)));
    }

    @Test
    void ahWithTamperedTosStillVerifiesButTamperedSourceDoesNot() {
        GoldenPacket g = GoldenPacket.load("v2-ah");
        AdvertFilter ah = filter(InstanceExpectations.v2("VI_1", 53, 1, List.of(ip("192.0.2.54")))
                .withAuth(AuthType.AH, "secret1"));
        ByteBuffer tos = g.datagram();
        tos.put(1, (byte) 0);
        assertInstanceOf(Verdict.Accepted.class, ah.receiveIpv4(tos));
        ByteBuffer spi = g.datagram();
        spi.put(20 + 7, (byte) 2);
        assertSame(DropReason.AUTH_FAILURE, ah.receiveIpv4(spi));
    }

    @Test
    void badIpHeadersAreLengthErrors() {
        AdvertFilter f = filter(InstanceExpectations.v2("VI_1", 51, 1, VIPS));
        ByteBuffer d = ipv4(255, GROUP, v2(51, 100, 1, AuthType.NONE, null, VIPS));
        d.putShort(2, (short) 99);
        assertSame(DropReason.PACKET_LEN_ERR, f.receiveIpv4(d));
        assertSame(DropReason.PACKET_LEN_ERR, f.receiveIpv4(ByteBuffer.allocate(3)));
        assertEquals("(VI_1) bad IP total length 99 (expected 44)", logger.lines.get(0));
    }

    @Test
    void dispatcherChoosesTheInstanceByVrid() {
        VrrpStats router = new VrrpStats();
        AdvertDispatcher d = new AdvertDispatcher(router);
        AdvertFilter f51 = filter(InstanceExpectations.v2("VI_1", 51, 1, VIPS));
        VrrpStats other = new VrrpStats();
        d.register(f51);
        d.register(new AdvertFilter(InstanceExpectations.v2("VI_2", 52, 1, VIPS), other, log));
        assertThrows(IllegalArgumentException.class, () -> d.register(f51));
        assertInstanceOf(Verdict.Accepted.class, d.dispatchIpv4(ipv4(255, GROUP, v2(52, 9, 1, AuthType.NONE, null, VIPS))));
        assertEquals(1, other.advertRcvd());
        assertSame(DropReason.VRID_ERR, d.dispatchIpv4(ipv4(255, GROUP, v2(53, 9, 1, AuthType.NONE, null, VIPS))));
        assertSame(DropReason.VRID_ERR, d.dispatch(v2(53, 9, 1, AuthType.NONE, null, VIPS), new Reception(SRC, GROUP, 255)));
        assertSame(DropReason.PACKET_LEN_ERR, d.dispatch(ByteBuffer.allocate(1), new Reception(SRC, GROUP, 255)));
        assertEquals(2, router.dropped(DropReason.VRID_ERR));
        assertEquals(1, router.dropped(DropReason.PACKET_LEN_ERR));
        assertEquals(0, stats.advertRcvd() + stats.droppedTotal());
    }

    @Test
    void rateLimitedLogSuppressesFloodsAndSaysHowMany() {
        AdvertFilter f = filter(InstanceExpectations.v2("VI_1", 51, 1, VIPS));
        ByteBuffer bad = ipv4(1, GROUP, v2(51, 100, 1, AuthType.NONE, null, VIPS));
        for (int i = 0; i < 100; i++) {
            f.receiveIpv4(bad);
        }
        assertEquals(5, logger.lines.size());
        assertEquals(95, log.suppressed());
        now += 1_000_000_000L;
        f.receiveIpv4(bad);
        assertEquals("(VI_1) invalid TTL/HL. Received 1 and expect 255 (95 similar lines suppressed)",
                logger.lines.get(5));
        assertEquals(101, stats.dropped(DropReason.IP_TTL_ERR));
    }

    @Test
    void statsSnapshotUsesKeepalivedNames() {
        stats.drop(DropReason.CHK_ERR);
        stats.advertSent(0);
        assertEquals(List.of("advert_rcvd", "advert_sent", "become_master", "release_master", "packet_len_err",
                "advert_interval_err", "ip_ttl_err", "invalid_type_rcvd", "addr_list_err", "invalid_authtype",
                "authtype_mismatch", "auth_failure", "pri_zero_rcvd", "pri_zero_sent", "vers_err", "chk_err",
                "vrid_err", "unicast_src_err"), List.copyOf(stats.snapshot().keySet()));
        assertEquals(1L, stats.snapshot().get("chk_err"));
        assertEquals(1L, stats.snapshot().get("pri_zero_sent"));
    }

    /** The same counts as keepalived 2.2.7 wrote after 4 TTL-254 and 2 good adverts. */
    @Test
    void statsFileBlockMatchesKeepalived() {
        AdvertFilter f = filter(InstanceExpectations.v2("VI_1", 54, 1, List.of(ip("192.0.2.55"))));
        for (int i = 0; i < 4; i++) {
            f.receiveIpv4(ipv4(254, GROUP, v2(54, 200, 1, AuthType.NONE, null, List.of(ip("192.0.2.55")))));
        }
        for (int i = 0; i < 2; i++) {
            f.receiveIpv4(ipv4(255, GROUP, v2(54, 200, 1, AuthType.NONE, null, List.of(ip("192.0.2.55")))));
        }
        stats.advertSent(100);
        stats.becameMaster();
        stats.releasedMaster();
        assertEquals(String.join("\n", "VRRP Instance: VI_1", "  Advertisements:", "    Received: 2", "    Sent: 1",
                "  Became master: 1", "  Released master: 1", "  Packet Errors:", "    Length: 0", "    TTL: 4",
                "    Invalid Type: 0", "    Advertisement Interval: 0", "    Address List: 0",
                "  Authentication Errors:", "    Invalid Type: 0", "    Type Mismatch: 0", "    Failure: 0",
                "  Priority Zero:", "    Received: 0", "    Sent: 0", ""), stats.formatStatsFile("VI_1"));
    }
}
