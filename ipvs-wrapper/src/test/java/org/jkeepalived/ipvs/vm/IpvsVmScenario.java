package org.jkeepalived.ipvs.vm;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jkeepalived.core.config.lvs.Forwarding;
import org.jkeepalived.core.config.lvs.IpFamily;
import org.jkeepalived.core.config.lvs.Protocol;
import org.jkeepalived.ipvs.Destination;
import org.jkeepalived.ipvs.IpvsException;
import org.jkeepalived.ipvs.IpvsRules;
import org.jkeepalived.ipvs.Reconciler;
import org.jkeepalived.ipvs.Service;
import org.jkeepalived.ipvs.ServiceDump;
import org.jkeepalived.ipvs.ServiceFlag;
import org.jkeepalived.ipvs.ServiceKey;
import org.jkeepalived.ipvs.TableKeeper;
import org.jkeepalived.ipvs.VirtualService;
import org.jkeepalived.ipvs.genl.GenlIpvsTable;

/**
 * Runs inside the IPVS VM (see IpvsVmIT): programs the kernel through {@link GenlIpvsTable} and, after each step,
 * saves {@code ipvsadm}'s view and our own dump into the current directory (the folder shared with the host) for
 * the test to check. Also usable by hand: {@code run-in-vm.sh java -cp ... IpvsVmScenario}.
 */
public final class IpvsVmScenario {
    static final String[] SCHEDULERS = {"rr", "wrr", "lc", "wlc", "lblc", "lblcr", "dh", "sh", "sed", "nq", "fo",
        "ovf", "mh"};
    static final ServiceKey WEB = new ServiceKey.Inet(Protocol.TCP, ip("192.0.2.1"), 80);
    static final ServiceKey DNS6 = new ServiceKey.Inet(Protocol.UDP, ip("2001:db8::1"), 53);
    static final ServiceKey MARK = new ServiceKey.Fwmark(IpFamily.INET, 7);
    /** A VIP on lo with a local listener, so the kernel counts real connections for the survival check. */
    static final ServiceKey LOCAL = new ServiceKey.Inet(Protocol.TCP, ip("10.10.10.10"), 8081);

    private IpvsVmScenario() {
    }

    public static void main(String[] args) throws Exception {
        try (GenlIpvsTable t = GenlIpvsTable.open()) {
            t.flush();
            save("info", t.info().versionText() + " " + t.info().connectionTableSize() + "\n");
            basics(t);
            schedulers(t);
            reconcile(t);
            t.flush();
            save("flushed", ipvsadm("-Ln") + "DUMP " + t.dump().size() + "\n");
        }
        System.out.println("scenario done");
    }

    private static void basics(GenlIpvsTable t) throws Exception {
        t.addService(new Service(WEB, "wrr", Set.of(), 0, 32, ""));
        t.addDestination(WEB, Destination.of(ip("10.0.0.1"), 8080, Forwarding.Method.NAT, 3).withThresholds(100, 10));
        t.addDestination(WEB, Destination.of(ip("10.0.0.2"), 80, Forwarding.Method.DR, 2));
        t.addDestination(WEB, Destination.of(ip("10.0.0.3"), 80, Forwarding.Method.TUN, 0));
        t.addService(new Service(DNS6, "sh", Set.of(ServiceFlag.SCHED2, ServiceFlag.ONE_PACKET), 0, 128, ""));
        t.addDestination(DNS6, Destination.of(ip("2001:db8::2"), 53, Forwarding.Method.NAT, 1));
        t.addService(new Service(MARK, "rr", Set.of(), 600, 24, ""));
        t.addDestination(MARK, Destination.of(ip("10.0.0.4"), 0, Forwarding.Method.DR, 5));
        String duplicate;
        try {
            t.addService(Service.of(WEB, "rr"));
            duplicate = "accepted";
        } catch (IpvsException e) {
            duplicate = "errno " + e.errno();
        }
        save("added", ipvsadm("-Ln") + "---\n" + ipvsadm("-Ln", "--thresholds") + "---\n" + ipvsadm("-Sn")
                + "---\n" + dump(t) + "DUPLICATE " + duplicate + "\n");

        t.editService(new Service(WEB, "lc", Set.of(), 300, 32, ""));
        t.editDestination(WEB, Destination.of(ip("10.0.0.1"), 8080, Forwarding.Method.NAT, 7).withThresholds(50, 5));
        save("edited", ipvsadm("-Sn") + "---\n" + ipvsadm("-Ln", "--thresholds"));

        t.deleteDestination(WEB, Destination.of(ip("10.0.0.2"), 80, Forwarding.Method.DR, 2).key());
        t.deleteService(DNS6);
        save("deleted", ipvsadm("-Sn") + "---\n" + dump(t));
        t.flush();
    }

    private static void schedulers(GenlIpvsTable t) throws Exception {
        StringBuilder out = new StringBuilder();
        int port = 1000;
        for (String s : SCHEDULERS) {
            ServiceKey k = new ServiceKey.Inet(Protocol.UDP, ip("198.51.100.1"), port++);
            try {
                t.addService(Service.of(k, s));
                out.append("OK ").append(s).append('\n');
            } catch (IpvsException e) {
                out.append("REFUSED ").append(s).append(' ').append(e.getMessage()).append('\n');
            }
        }
        try {
            t.addService(Service.of(new ServiceKey.Inet(Protocol.UDP, ip("198.51.100.1"), 999), "nosuch"));
            out.append("OK nosuch\n");
        } catch (IpvsException e) {
            out.append("REFUSED nosuch errno ").append(e.errno()).append('\n');
        }
        save("schedulers", out + "---\n" + ipvsadm("-Ln"));
        t.flush();
    }

    /** Desired state A, traffic through one service, then state B: only the delta is applied. */
    private static void reconcile(GenlIpvsTable t) throws Exception {
        run("ip", "addr", "add", "10.10.10.10/32", "dev", "lo");
        run("ipvsadm", "-A", "-t", "203.0.113.1:25", "-s", "rr"); // someone else's: must survive everything
        TableKeeper keeper = new TableKeeper(t);
        VirtualService local = new VirtualService(Service.of(LOCAL, "rr"),
                List.of(Destination.of(ip("10.10.10.10"), 8081, Forwarding.Method.NAT, 1)));
        VirtualService web = new VirtualService(Service.of(WEB, "wrr"), List.of(
                Destination.of(ip("10.0.0.1"), 80, Forwarding.Method.DR, 1),
                Destination.of(ip("10.0.0.2"), 80, Forwarding.Method.DR, 1)));
        VirtualService mark = new VirtualService(Service.of(MARK, "rr"),
                List.of(Destination.of(ip("10.0.0.4"), 0, Forwarding.Method.DR, 1)));
        IpvsRules a = IpvsRules.of(List.of(local, web, mark));
        List<Reconciler.Failure> fa = keeper.sync(a);
        int connections = traffic(5);
        Thread.sleep(2500); // the kernel's estimator copies the per-CPU counters into the dumped ones every 2 s
        String before = ipvsadm("-Ln", "--stats") + "---\n" + dump(t);

        VirtualService web2 = new VirtualService(Service.of(WEB, "wrr"), List.of(
                Destination.of(ip("10.0.0.1"), 80, Forwarding.Method.DR, 1),
                Destination.of(ip("10.0.0.3"), 80, Forwarding.Method.DR, 4)));
        VirtualService dns = new VirtualService(Service.of(DNS6, "rr"),
                List.of(Destination.of(ip("2001:db8::2"), 53, Forwarding.Method.NAT, 1)));
        IpvsRules b = IpvsRules.of(List.of(local, web2, dns));
        List<String> plan = Reconciler.plan(t.rules(), a, b).stream().map(Object::toString).toList();
        List<Reconciler.Failure> fb = keeper.sync(b);
        String after = ipvsadm("-Ln", "--stats") + "---\n" + dump(t);
        boolean equal = IpvsRules.fromDump(t.dump()).equals(withForeign(t, b));
        save("reconcile", "FAILURES " + fa + " " + fb + "\nCONNECTIONS " + connections + "\nPLAN\n"
                + String.join("\n", plan) + "\nEQUAL " + equal + "\n=== BEFORE\n" + before + "=== AFTER\n" + after);

        keeper.stop(false);
        save("stopped", ipvsadm("-Sn"));
    }

    private static IpvsRules withForeign(GenlIpvsTable t, IpvsRules desired) throws IOException {
        List<VirtualService> all = new ArrayList<>();
        for (VirtualService v : t.rules().services().values()) {
            if (desired.service(v.key()) == null) {
                all.add(v);
            }
        }
        all.addAll(desired.services().values());
        return IpvsRules.of(all);
    }

    /** Opens {@code n} connections through the LOCAL service to a listener on the same VIP; returns how many made it. */
    private static int traffic(int n) throws IOException {
        int ok = 0;
        try (ServerSocket server = new ServerSocket()) {
            server.bind(new InetSocketAddress("0.0.0.0", 8081));
            Thread acceptor = new Thread(() -> {
                for (int i = 0; i < n; i++) {
                    try (Socket s = server.accept(); OutputStream out = s.getOutputStream()) {
                        out.write('x');
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            acceptor.start();
            for (int i = 0; i < n; i++) {
                try (Socket c = new Socket()) {
                    c.connect(new InetSocketAddress(ip("10.10.10.10"), 8081), 2000);
                    InputStream in = c.getInputStream();
                    if (in.read() == 'x') {
                        ok++;
                    }
                } catch (IOException e) {
                    System.err.println("connection " + i + ": " + e);
                }
            }
        }
        return ok;
    }

    static String dump(GenlIpvsTable t) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (ServiceDump s : t.dump()) {
            sb.append("DUMP ").append(s.service()).append(" conns=").append(s.stats().connections())
                    .append(" inpkts=").append(s.stats().inPackets()).append('\n');
            s.destinations().forEach(d -> sb.append("DUMP   ").append(d.destination()).append(" active=")
                    .append(d.activeConnections()).append(" inactive=").append(d.inactiveConnections())
                    .append(" conns=").append(d.stats().connections()).append('\n'));
        }
        return sb.toString();
    }

    static String ipvsadm(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add("ipvsadm");
        cmd.addAll(List.of(args));
        return run(cmd.toArray(String[]::new));
    }

    static String run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", cmd) + " failed: " + out);
        }
        return out;
    }

    static void save(String name, String text) throws IOException {
        Files.writeString(Path.of(name + ".txt"), text);
    }

    static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal); // literals only: no lookup
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
