package org.jkeepalived.watchdog.failover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Lines captured with {@code tcpdump -n -tt -e -vv} from keepalived 2.2.7 on a failover-test LAN. */
class FrameTest {
    private static Frame parse(String line) {
        return Frame.parse(line).orElseThrow();
    }

    @Test
    void vrrpV2AdvertJoinedFromTwoLines() {
        Frame f = parse("1795257215.375127 02:00:00:00:0f:01 > 01:00:5e:00:00:12, ethertype IPv4 (0x0800), length 54: "
                + "(tos 0xc0, ttl 255, id 4, offset 0, flags [none], proto VRRP (112), length 40) "
                + "192.0.2.1 > 224.0.0.18: VRRPv2, Advertisement, vrid 51, prio 0, authtype none, intvl 1s, length 20, "
                + "addrs: 192.0.2.200");
        assertEquals(1795257215375127L, f.micros());
        assertEquals("02:00:00:00:0f:01", f.source());
        assertEquals("01:00:5e:00:00:12", f.destination());
        assertTrue(f.isAdvert());
        assertEquals(0, f.priority());
    }

    @Test
    void vrrpV3AdvertOverIpv6() {
        Frame f = parse("1795257233.605105 02:00:00:00:0f:01 > 33:33:00:00:00:12, ethertype IPv6 (0x86dd), length 78: "
                + "(class 0xc0, flowlabel 0x636b2, hlim 255, next-header VRRP (112) payload length: 24) "
                + "fe80::ff:fe00:f01 > ff02::12: VRRPv3, Advertisement, vrid 51, prio 150, intvl 100cs, length 24, "
                + "addrs: 2001:db8::200");
        assertTrue(f.isAdvert());
        assertEquals(150, f.priority());
    }

    @Test
    void gratuitousArp() {
        Frame f = parse("1795257215.992501 02:00:00:00:0f:02 > ff:ff:ff:ff:ff:ff, ethertype ARP (0x0806), length 42: "
                + "Ethernet (len 6), IPv4 (len 4), Request who-has 192.0.2.200 (ff:ff:ff:ff:ff:ff) tell 192.0.2.200, "
                + "length 28");
        assertTrue(f.announces("192.0.2.200"));
        assertFalse(f.announces("192.0.2.20"));
        assertFalse(f.isAdvert());
    }

    @Test
    void unsolicitedNeighbourAdvertisementButNotASolicitedOneForAnotherTarget() {
        Frame na = parse("1795257238.218425 02:00:00:00:0f:02 > 33:33:00:00:00:01, ethertype IPv6 (0x86dd), length 86: "
                + "(hlim 255, next-header ICMPv6 (58) payload length: 32) 2001:db8::200 > ff02::1: [icmp6 sum ok] "
                + "ICMP6, neighbor advertisement, length 32, tgt is 2001:db8::200, Flags [override]");
        Frame solicited = parse("1795257237.824711 02:00:00:00:0f:64 > 02:00:00:00:0f:01, ethertype IPv6 (0x86dd), "
                + "length 78: (hlim 255, next-header ICMPv6 (58) payload length: 24) 2001:db8::100 > fe80::ff:fe00:f01: "
                + "[icmp6 sum ok] ICMP6, neighbor advertisement, length 24, tgt is 2001:db8::100, Flags [solicited]");
        assertTrue(na.announces("2001:db8::200"));
        assertFalse(solicited.announces("2001:db8::200"));
    }

    @Test
    void continuationAndNoiseLinesAreNotFrames() {
        assertTrue(Frame.parse("\t  source link-address option (1), length 8 (1): 02:00:00:00:0f:01").isEmpty());
        assertTrue(Frame.parse("listening on eth0, link-type EN10MB (Ethernet)").isEmpty());
    }
}
