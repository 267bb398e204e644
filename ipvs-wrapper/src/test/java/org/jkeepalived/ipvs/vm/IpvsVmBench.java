package org.jkeepalived.ipvs.vm;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jkeepalived.core.config.lvs.Forwarding;
import org.jkeepalived.core.config.lvs.Protocol;
import org.jkeepalived.ipvs.Destination;
import org.jkeepalived.ipvs.IpvsRules;
import org.jkeepalived.ipvs.Reconciler;
import org.jkeepalived.ipvs.Service;
import org.jkeepalived.ipvs.ServiceKey;
import org.jkeepalived.ipvs.TableKeeper;
import org.jkeepalived.ipvs.VirtualService;
import org.jkeepalived.ipvs.genl.GenlIpvsTable;

/**
 * Runs inside the IPVS VM: times programming S services x D destinations (default 1,000 x 10) through
 * {@link TableKeeper} over generic netlink, then the same rules with {@code ipvsadm -R}, then a no-change
 * re-sync; {@code ROUNDS} times (third argument, default 1), alternating, so a change in the host's load (TCG is
 * sensitive to it) shows rather than favouring one side. Prints one line per figure and saves them to bench.txt.
 */
public final class IpvsVmBench {
    private IpvsVmBench() {
    }

    public static void main(String[] args) throws Exception {
        int services = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int perService = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        IpvsRules rules = rules(services, perService);
        StringBuilder out = new StringBuilder();
        try (GenlIpvsTable t = GenlIpvsTable.open()) {
            t.flush();
            // Warm-up on a small table so the figure is the steady state, not the JIT's first steps.
            TableKeeper warm = new TableKeeper(t);
            warm.sync(rules(20, perService));
            warm.stop(false);
            for (int round = 0; round < rounds; round++) {
                round(t, rules, services, perService, out);
            }
        }
        System.out.print(out);
        Files.writeString(Path.of("bench.txt"), out);
    }

    private static void round(GenlIpvsTable t, IpvsRules rules, int services, int perService, StringBuilder out)
            throws Exception {
        {

            TableKeeper keeper = new TableKeeper(t);
            long t0 = System.nanoTime();
            List<Reconciler.Failure> failures = keeper.sync(rules);
            long javaNanos = System.nanoTime() - t0;
            long t1 = System.nanoTime();
            IpvsRules read = t.rules();
            long dumpNanos = System.nanoTime() - t1;
            long t2 = System.nanoTime();
            keeper.invalidate();
            keeper.sync(rules);
            long resyncNanos = System.nanoTime() - t2;
            out.append(line("jkeepalived genl sync", services, perService, javaNanos))
                    .append(line("jkeepalived dump", services, perService, dumpNanos))
                    .append(line("jkeepalived re-sync, no change (dump + plan)", services, perService, resyncNanos))
                    .append("failures ").append(failures.size()).append(" read-back-equal ").append(read.equals(rules))
                    .append('\n');
            t.flush();

            Path restore = Path.of("ipvsadm-restore.txt");
            Files.writeString(restore, restoreFile(rules));
            long t3 = System.nanoTime();
            Process p = new ProcessBuilder("ipvsadm", "-R").redirectInput(restore.toFile())
                    .redirectErrorStream(true).start();
            String msg = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int rc = p.waitFor();
            long ipvsadmNanos = System.nanoTime() - t3;
            out.append(line("ipvsadm -R", services, perService, ipvsadmNanos))
                    .append("ipvsadm rc ").append(rc).append(' ').append(msg.trim()).append('\n')
                    .append("ipvsadm read-back-equal ").append(t.rules().equals(rules)).append('\n');
            t.flush();
        }
    }

    private static String line(String what, int services, int perService, long nanos) {
        return String.format("%-48s %d services x %d destinations: %d ms%n", what, services, perService,
                nanos / 1_000_000);
    }

    static IpvsRules rules(int services, int perService) throws Exception {
        List<VirtualService> out = new ArrayList<>(services);
        for (int s = 0; s < services; s++) {
            InetAddress vip = InetAddress.getByAddress(new byte[] {10, 100, (byte) (s >> 8), (byte) s});
            ServiceKey k = new ServiceKey.Inet(Protocol.TCP, vip, 80);
            List<Destination> ds = new ArrayList<>(perService);
            for (int d = 0; d < perService; d++) {
                InetAddress rip = InetAddress.getByAddress(new byte[] {10, (byte) (200 + d), (byte) (s >> 8), (byte) s});
                ds.add(Destination.of(rip, 8080, Forwarding.Method.NAT, 1 + d));
            }
            out.add(new VirtualService(Service.of(k, "wlc"), ds));
        }
        return IpvsRules.of(out);
    }

    static String restoreFile(IpvsRules rules) {
        StringBuilder sb = new StringBuilder();
        for (VirtualService v : rules.services().values()) {
            ServiceKey.Inet k = (ServiceKey.Inet) v.key();
            String vs = k.address().getHostAddress() + ":" + k.port();
            sb.append("-A -t ").append(vs).append(" -s ").append(v.service().scheduler()).append('\n');
            for (Destination d : v.destinations()) {
                sb.append("-a -t ").append(vs).append(" -r ").append(d.address().getHostAddress()).append(':')
                        .append(d.port()).append(" -m -w ").append(d.weight()).append('\n');
            }
        }
        return sb.toString();
    }
}
