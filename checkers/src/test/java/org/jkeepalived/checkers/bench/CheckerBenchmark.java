package org.jkeepalived.checkers.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import org.jkeepalived.checkers.daemon.CheckerDaemon;
import org.jkeepalived.checkers.daemon.CheckerOptions;
import org.jkeepalived.checkers.probe.ProbeFactory;
import org.jkeepalived.checkers.probe.ProbeReactor;
import org.jkeepalived.checkers.probe.SslContexts;
import org.jkeepalived.core.config.ConfigLoader;
import org.jkeepalived.core.config.KeepalivedConfig;
import org.jkeepalived.core.config.LoadOptions;
import org.jkeepalived.core.config.LoadResult;
import org.jkeepalived.core.time.ThreadScheduler;
import org.jkeepalived.ipvs.DestinationKey;
import org.jkeepalived.ipvs.FakeIpvsTable;
import org.jkeepalived.ipvs.IpvsRules;
import org.jkeepalived.ipvs.VirtualService;

/**
 * Benchmark (not a test): N real servers on loopback addresses 127.1.x.y checked by TCP_CHECK or HTTP_GET at
 * delay_loop 1 s through the real probes, IPVS in memory. Prints the checker JVM's CPU use over a steady
 * window, probes per second, and the time from closing VICTIMS listeners to their removal from the pool.
 * The servers run in a separate JVM ({@link BenchServers}). Usage: CheckerBenchmark tcp|http N [SECONDS]
 */
public final class CheckerBenchmark {
    private static final int TCP_PORT = 18000;
    private static final int HTTP_PORT = 18080;
    private static final int VICTIM_BASE = 19000;
    private static final int VICTIMS = 20;

    private CheckerBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String kind = args[0];
        int n = Integer.parseInt(args[1]);
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        Process servers = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), BenchServers.class.getName(),
                String.valueOf(TCP_PORT), String.valueOf(HTTP_PORT), String.valueOf(VICTIM_BASE),
                String.valueOf(VICTIMS)).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        Runtime.getRuntime().addShutdownHook(new Thread(servers::destroyForcibly));
        BufferedReader sout = new BufferedReader(new InputStreamReader(servers.getInputStream(), StandardCharsets.UTF_8));
        Writer sin = new OutputStreamWriter(servers.getOutputStream(), StandardCharsets.UTF_8);
        if (!"READY".equals(sout.readLine())) {
            throw new IllegalStateException("servers did not start");
        }
        KeepalivedConfig config = config(kind, n);
        ThreadScheduler scheduler = ThreadScheduler.start("checker");
        ProbeReactor reactor = ProbeReactor.start("bench-probes");
        ProbeFactory factory = new ProbeFactory(reactor, Executors.newSingleThreadExecutor(),
                SslContexts.create(Optional.empty()), java.util.Map.of(), Optional.empty());
        AtomicLong probes = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        AtomicLong latency = new AtomicLong();
        CheckerOptions options = CheckerOptions.defaults().withProbes((c, vs, rs) -> {
            var p = factory.create(c, vs, rs);
            return done -> {
                long began = System.nanoTime();
                p.run(r -> {
                latency.addAndGet(System.nanoTime() - began);
                probes.incrementAndGet();
                if (!r.success() && failures.incrementAndGet() <= 3) {
                    System.out.println("failure: " + rs.address().getHostAddress() + ":" + rs.port() + " " + r.detail());
                }
                done.accept(r);
                });
            };
        });
        FakeIpvsTable table = new FakeIpvsTable();
        long start = System.nanoTime();
        CheckerDaemon daemon = CheckerDaemon.start(config, options, table, scheduler);
        System.out.printf(Locale.ROOT, "%s: %d real servers + %d victims, delay_loop 1 s; started in %d ms%n", kind,
                n, VICTIMS, (System.nanoTime() - start) / 1_000_000);
        Thread.sleep(5_000); // warmup (1 s) and JIT
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long p0 = probes.get();
        long f0 = failures.get();
        long l0 = latency.get();
        long t0 = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        double wall = (System.nanoTime() - t0) / 1e9;
        double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
        System.out.printf(Locale.ROOT, "steady %.0f s: CPU %.2f s = %.1f%% of one core; %.0f probes/s; %d failed%n",
                wall, cpu, 100 * cpu / wall, (probes.get() - p0) / wall, failures.get() - f0);
        System.out.printf(Locale.ROOT, "mean probe latency %.2f ms%n",
                (latency.get() - l0) / 1e6 / Math.max(1, probes.get() - p0));
        System.out.printf(Locale.ROOT, "heap used %d MiB%n",
                (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20);
        sin.write("stop\n");
        sin.flush();
        sout.readLine();
        long stopped = System.nanoTime();
        long[] removedAt = new long[VICTIMS];
        int left = VICTIMS;
        while (left > 0 && System.nanoTime() - stopped < 30_000_000_000L) {
            IpvsRules rules = scheduler.call(table::rules, 5_000);
            VirtualService victims = rules.services().values().stream()
                    .filter(s -> s.key().toString().endsWith(":9")).findFirst().orElseThrow();
            for (int i = 0; i < VICTIMS; i++) {
                boolean present = false;
                for (var d : victims.destinations()) {
                    if (d.key().equals(new DestinationKey(java.net.InetAddress.getLoopbackAddress(),
                            VICTIM_BASE + i))) {
                        present = true;
                    }
                }
                if (!present && removedAt[i] == 0) {
                    removedAt[i] = System.nanoTime();
                    left--;
                }
            }
            Thread.sleep(10);
        }
        long max = 0;
        long sum = 0;
        for (long r : removedAt) {
            long ms = r == 0 ? -1 : (r - stopped) / 1_000_000;
            max = Math.max(max, ms);
            sum += ms;
        }
        System.out.printf(Locale.ROOT, "detection (delay_loop 1 + retry 1 x delay_before_retry 1 + connect_timeout"
                + " 2): mean %d ms, max %d ms, %d of %d removed%n", sum / VICTIMS, max, VICTIMS - left, VICTIMS);
        daemon.stop(false);
        reactor.close();
        scheduler.close();
        servers.destroyForcibly();
        System.exit(0);
    }

    /** N real servers in virtual servers of 100, plus one virtual server of victims on 127.0.0.1. */
    static KeepalivedConfig config(String kind, int n) {
        String check = kind.equals("http")
                ? "HTTP_GET { url { path /\ndigest f678abd142eec1a81dff84bda6320a62 } }"
                : "TCP_CHECK { }";
        int port = kind.equals("http") ? HTTP_PORT : TCP_PORT;
        StringBuilder b = new StringBuilder();
        String common = "protocol TCP\nlvs_sched rr\nlvs_method NAT\ndelay_loop 1\nconnect_timeout 2\nretry 1\n"
                + "delay_before_retry 1\n";
        for (int vs = 0; vs * 100 < n; vs++) {
            b.append("virtual_server 203.0.113.").append(vs % 250 + 1).append(' ').append(10000 + vs)
                    .append(" {\n").append(common);
            for (int i = vs * 100; i < Math.min(n, vs * 100 + 100); i++) {
                b.append("real_server 127.1.").append(i / 250).append('.').append(i % 250 + 1).append(' ')
                        .append(port).append(" { ").append(check).append(" }\n");
            }
            b.append("}\n");
        }
        b.append("virtual_server 198.51.100.1 9 {\n").append(common);
        for (int i = 0; i < VICTIMS; i++) {
            b.append("real_server 127.0.0.1 ").append(VICTIM_BASE + i).append(" { TCP_CHECK { } }\n");
        }
        b.append("}\n");
        LoadResult r = ConfigLoader.load(b.toString(), "bench.conf", Path.of("/tmp"),
                new LoadOptions("bench", false, name -> true));
        if (r.hasErrors()) {
            throw new IllegalStateException(r.diagnostics().toString());
        }
        return r.config();
    }
}
