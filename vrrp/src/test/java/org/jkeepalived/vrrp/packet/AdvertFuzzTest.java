package org.jkeepalived.vrrp.packet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.slf4j.helpers.NOPLogger;

/**
 * Seeded mutation fuzzing of decode and receive validation: no exception escapes the filter, and every
 * packet fed lands in exactly one counter (accepted or one drop reason).
 */
class AdvertFuzzTest {
    static final long SEED = 0x5eed_2026L;
    static final int PACKETS = 50_000;

    record Target(GoldenPacket golden, AdvertFilter filter, VrrpStats stats) {
    }

    @Test
    void mutatedAndRandomPacketsAreAlwaysCountedOnce() {
        Random rnd = new Random(SEED);
        RateLimitedLog log = new RateLimitedLog(NOPLogger.NOP_LOGGER, () -> 0L, 1_000_000_000L, 1);
        List<Target> targets = List.of(
                target("v2-noauth", InstanceExpectations.v2("A", 51, 1, addrs("192.0.2.51", "192.0.2.52")), log),
                target("v2-pass", InstanceExpectations.v2("B", 52, 2, addrs("192.0.2.53"))
                        .withAuth(AuthType.PASS, "secret1"), log),
                target("v2-ah", InstanceExpectations.v2("C", 53, 1, addrs("192.0.2.54"))
                        .withAuth(AuthType.AH, "secret1"), log),
                target("v3-ipv4", InstanceExpectations.v3("D", 54, 50, addrs("192.0.2.55", "192.0.2.56", "192.0.2.57")),
                        log),
                target("v3-ipv6", InstanceExpectations.v3("E", 56, 100, addrs("fe80::56", "2001:db8::56"))
                        .withUnicastPeers(addrs("fe80::1"), true), log));
        long[] fed = new long[targets.size()];
        long accepted = 0;
        for (int n = 0; n < PACKETS; n++) {
            int t = rnd.nextInt(targets.size());
            Target target = targets.get(t);
            GoldenPacket g = target.golden();
            boolean whole = !g.ipv6() && rnd.nextBoolean();
            byte[] packet = whole ? g.datagram().array() : g.vrrp().clone();
            int vrrpOffset = whole ? g.ip().length + g.ah().length : 0;
            packet = mutate(rnd, packet);
            if (!whole && rnd.nextInt(3) == 0) {
                fixChecksum(packet, g, rnd.nextBoolean());
            }
            Reception from = new Reception(g.source(), rnd.nextInt(10) == 0 ? g.source() : g.destination(),
                    rnd.nextInt(8) == 0 ? rnd.nextInt(256) : 255);
            ByteBuffer buf = ByteBuffer.wrap(packet);
            try {
                decodeThrowsOnlyPacketExceptions(packet, from, vrrpOffset);
                Verdict v = whole ? target.filter().receiveIpv4(buf) : target.filter().receive(buf, from);
                if (v instanceof Verdict.Accepted) {
                    accepted++;
                }
            } catch (RuntimeException e) {
                fail("packet " + n + " " + Arrays.toString(packet) + " escaped the filter", e);
            }
            fed[t]++;
        }
        long acceptedCounted = 0;
        for (int t = 0; t < targets.size(); t++) {
            VrrpStats s = targets.get(t).stats();
            assertEquals(fed[t], s.advertRcvd() + s.droppedTotal(), targets.get(t).golden().name());
            acceptedCounted += s.advertRcvd();
        }
        assertEquals(accepted, acceptedCounted);
        // the mutations reach both sides of the filter and most drop reasons
        long reasonsHit = Arrays.stream(DropReason.values())
                .filter(r -> targets.stream().anyMatch(x -> x.stats().dropped(r) > 0)).count();
        assertEquals(true, reasonsHit >= 10, "drop reasons hit: " + reasonsHit);
        assertEquals(true, accepted > PACKETS / 50, "accepted " + accepted);
        assertEquals(true, accepted < PACKETS / 2, "accepted " + accepted);
    }

    private static void decodeThrowsOnlyPacketExceptions(byte[] packet, Reception from, int offset) {
        if (offset > packet.length) {
            return;
        }
        try {
            VrrpCodec.decode(ByteBuffer.wrap(packet, offset, packet.length - offset), from.source(),
                    from.destination(), false);
        } catch (VrrpPacketException expected) {
            // the one exception type for malformed input
        }
    }

    static byte[] mutate(Random rnd, byte[] p) {
        switch (rnd.nextInt(7)) {
            case 0 -> { // flip one bit
                p[rnd.nextInt(p.length)] ^= (byte) (1 << rnd.nextInt(8));
            }
            case 1 -> { // set a byte
                p[rnd.nextInt(p.length)] = (byte) rnd.nextInt(256);
            }
            case 2 -> { // truncate
                p = Arrays.copyOf(p, rnd.nextInt(p.length));
            }
            case 3 -> { // extend
                p = Arrays.copyOf(p, p.length + 1 + rnd.nextInt(40));
            }
            case 4 -> { // all random
                p = new byte[rnd.nextInt(90)];
                rnd.nextBytes(p);
            }
            case 5 -> { // a header field the filter checks: count, priority, interval, auth type
                int[] fields = {1, 2, 3, 4, 5};
                int i = fields[rnd.nextInt(fields.length)];
                if (i < p.length) {
                    p[i] = (byte) rnd.nextInt(256);
                }
            }
            default -> { // unchanged: the accept path must hold up too
            }
        }
        return p;
    }

    /** Makes a mutated VRRP message's checksum right so that mutations reach the later checks. */
    static void fixChecksum(byte[] p, GoldenPacket g, boolean pseudo) {
        if (p.length < 8) {
            return;
        }
        p[6] = 0;
        p[7] = 0;
        int acc = InternetChecksum.add(p, 0, p.length, 0);
        if (pseudo) {
            acc += InternetChecksum.pseudoHeader(g.source().getAddress(), g.destination().getAddress(), p.length);
        }
        int sum = InternetChecksum.finish(acc);
        p[6] = (byte) (sum >>> 8);
        p[7] = (byte) sum;
    }

    private static Target target(String name, InstanceExpectations ex, RateLimitedLog log) {
        VrrpStats stats = new VrrpStats();
        return new Target(GoldenPacket.load(name), new AdvertFilter(ex, stats, log), stats);
    }

    private static List<InetAddress> addrs(String... literals) {
        return Arrays.stream(literals).map(GoldenPacketTest::ip).toList();
    }
}
