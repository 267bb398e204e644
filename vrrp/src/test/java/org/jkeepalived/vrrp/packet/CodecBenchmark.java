package org.jkeepalived.vrrp.packet;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.function.IntSupplier;
import org.slf4j.helpers.NOPLogger;

/**
 * A small throughput and allocation benchmark for the codec (a main, not a test). Prints ops/s and
 * bytes allocated per op, measured with {@code com.sun.management.ThreadMXBean#getThreadAllocatedBytes}.
 *
 * <pre>
 * mvn -B -q -o -pl vrrp -am test-compile
 * java -cp vrrp/target/test-classes:vrrp/target/classes:core/target/classes:$HOME/.m2/repository/org/slf4j/slf4j-api/2.0.16/slf4j-api-2.0.16.jar \
 *     org.jkeepalived.vrrp.packet.CodecBenchmark
 * </pre>
 */
public final class CodecBenchmark {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static int sink;

    public static void main(String[] args) {
        int ops = args.length > 0 ? Integer.parseInt(args[0]) : 5_000_000;
        InetAddress src = GoldenPacketTest.ip("192.0.2.1");
        InetAddress group = GoldenPacketTest.ip("224.0.0.18");
        List<InetAddress> vips = List.of(GoldenPacketTest.ip("192.0.2.55"), GoldenPacketTest.ip("192.0.2.56"),
                GoldenPacketTest.ip("192.0.2.57"));
        VrrpAdvert advert = VrrpAdvert.v3(54, 200, 100, vips);
        AdvertTemplate template = AdvertTemplate.of(advert, src, group, false);
        ByteBuffer out = ByteBuffer.allocateDirect(64);
        byte[] wire = VrrpCodec.encode(advert, src, group, false);
        ByteBuffer in = ByteBuffer.wrap(wire);
        GoldenPacket g = GoldenPacket.load("v3-ipv4");
        ByteBuffer datagram = g.datagram();
        VrrpStats stats = new VrrpStats();
        AdvertFilter filter = new AdvertFilter(InstanceExpectations.v3("VI_1", 54, 50, vips), stats,
                new RateLimitedLog(NOPLogger.NOP_LOGGER, System::nanoTime, 1_000_000_000L, 10));

        run("template encode (v3 IPv4)", ops, () -> {
            out.clear();
            return template.encode(200, out);
        });
        run("full encode into buffer", ops, () -> {
            out.clear();
            return VrrpCodec.encode(advert, src, group, false, out);
        });
        run("decode (v3 IPv4, 3 VIPs)", ops, () -> {
            in.clear();
            return VrrpCodec.decode(in, src, group, false).priority();
        });
        run("filter.receiveIpv4 accept", ops, () -> filter.receiveIpv4(datagram) instanceof Verdict.Accepted ? 1 : 0);
        System.out.println("(sink " + sink + ", accepted " + stats.advertRcvd() + ")");
    }

    private static void run(String name, int ops, IntSupplier op) {
        for (int i = 0; i < ops / 2; i++) { // warm-up
            sink += op.getAsInt();
        }
        long tid = Thread.currentThread().getId();
        long bytes0 = THREADS.getThreadAllocatedBytes(tid);
        long t0 = System.nanoTime();
        for (int i = 0; i < ops; i++) {
            sink += op.getAsInt();
        }
        long t1 = System.nanoTime();
        long bytes1 = THREADS.getThreadAllocatedBytes(tid);
        System.out.printf("%-28s %,12.0f ops/s %8.1f bytes/op%n", name, ops / ((t1 - t0) / 1e9),
                (double) (bytes1 - bytes0) / ops);
    }
}
