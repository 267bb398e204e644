package org.jkeepalived.watchdog.checkers;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.jkeepalived.ipvs.genl.GenlIpvsTable;

/**
 * Runs inside the IPVS VM (see {@link CheckerVmIT}): real servers (busybox httpd) in a network namespace behind a
 * veth, the daemon started as operators start it ({@code bin/jkeepalived -n -l -D -C -f CONF}) in the VM's own
 * namespace, then servers stopped and started, a reload, a sorry server, TERM and {@code -I}. After each step it
 * saves {@code ipvsadm}'s view and its own dump (in ipvsadm's {@code -S} form) into the current directory (the
 * folder shared with the host), and detection times into {@code timings.txt}; the test asserts on the host.
 * Arguments: the launcher and the java executable for it.
 */
public final class CheckerVmScenario {
    private static final String NS = "rs";
    private static final String CHECK = """
            connect_timeout 1
                  retry 1
                  delay_before_retry 1
                  warmup 0""";
    private final Path launcher;
    private final String java;
    private final Map<String, Process> servers = new HashMap<>();
    private final StringBuilder timings = new StringBuilder();
    private final TableViews views;
    private Process daemon;
    private Path daemonLog;

    private CheckerVmScenario(Path launcher, String java, GenlIpvsTable table) {
        this.launcher = launcher;
        this.java = java;
        this.views = new TableViews(table);
    }

    public static void main(String[] args) throws Exception {
        try (GenlIpvsTable t = GenlIpvsTable.open()) {
            t.flush();
            CheckerVmScenario s = new CheckerVmScenario(Path.of(args[0]), args[1], t);
            try {
                s.run();
            } finally {
                s.cleanup();
                Files.writeString(Path.of("timings.txt"), s.timings);
            }
        }
        System.out.println("scenario done");
    }

    public static String conf(boolean reloaded) {
        String rs1Weight = reloaded ? "4" : "3";
        String rs6 = !reloaded ? "" : """
                  real_server 198.51.100.6 80 {
                    HTTP_GET { url { path /index.html
                        status_code 200 }
                      @CHECK@ }
                  }
                """;
        return """
                global_defs {
                  router_id ipvs_vm
                  metrics_listen 127.0.0.1 9650
                }
                virtual_server 203.0.113.10 80 {
                  delay_loop 1
                  lvs_sched wrr
                  lvs_method NAT
                  protocol TCP
                  real_server 198.51.100.1 80 {
                    weight W1
                    uthreshold 100
                    lthreshold 10
                    HTTP_GET { url { path /index.html
                        status_code 200 }
                      @CHECK@ }
                  }
                  real_server 198.51.100.2 80 {
                    weight 2
                    HTTP_GET { url { path /index.html
                        status_code 200 }
                      @CHECK@ }
                  }
                RS6}
                virtual_server 203.0.113.11 9000 {
                  delay_loop 1
                  lvs_sched lc
                  lvs_method DR
                  protocol TCP
                  inhibit_on_failure
                  real_server 198.51.100.3 9000 {
                    weight 5
                    TCP_CHECK { @CHECK@ }
                  }
                }
                virtual_server 203.0.113.12 80 {
                  delay_loop 1
                  lvs_sched rr
                  lvs_method NAT
                  protocol TCP
                  sorry_server 198.51.100.9 80
                  real_server 198.51.100.4 80 {
                    TCP_CHECK { @CHECK@ }
                  }
                }
                virtual_server fwmark 7 {
                  delay_loop 1
                  lvs_sched sh
                  lvs_method TUN
                  persistence_timeout 600
                  real_server 198.51.100.5 {
                    weight 4
                  }
                }
                """.replace("RS6", rs6).replace("W1", rs1Weight).replace("@CHECK@", CHECK);
    }

    private void run() throws Exception {
        network();
        for (int i = 1; i <= 6; i++) {
            server("198.51.100." + i, i == 3 ? 9000 : 80);
        }
        Path conf = Path.of("keepalived.conf").toAbsolutePath();
        Files.writeString(conf, conf(false));
        long t0 = System.nanoTime();
        startDaemon(conf, "daemon.log");
        await("startup", 120_000, s -> s.contains("-a -t 203.0.113.10:80 -r 198.51.100.2:80 -m -w 2")
                && s.contains("-a -t 203.0.113.12:80 -r 198.51.100.4:80 -m -w 1")
                && s.contains("-a -t 203.0.113.11:9000 -r 198.51.100.3:9000 -g -w 5"));
        timing("startup-ms", t0);
        views.save("started", "-Ln", "--thresholds");

        // a real server dies: removed; the inhibited one goes to weight 0
        stop("198.51.100.2");
        stop("198.51.100.3");
        long down = System.nanoTime();
        await("rs2 removed", 20_000, s -> !s.contains("198.51.100.2:80"));
        timing("rs2-removed-ms", down);
        await("rs3 inhibited", 20_000, s -> s.contains("-r 198.51.100.3:9000 -g -w 0"));
        timing("rs3-inhibited-ms", down);
        views.save("down");

        server("198.51.100.2", 80);
        server("198.51.100.3", 9000);
        long up = System.nanoTime();
        await("rs2 back", 20_000, s -> s.contains("-r 198.51.100.2:80 -m -w 2"));
        timing("rs2-back-ms", up);
        await("rs3 back", 20_000, s -> s.contains("-r 198.51.100.3:9000 -g -w 5"));
        timing("rs3-back-ms", up);
        views.save("back");

        // traffic through the VIPs, so that the counters a reload must keep are not zero
        Files.writeString(Path.of("traffic.txt"), traffic("203.0.113.10", 80, 6) + traffic("203.0.113.11", 9000, 4));
        Thread.sleep(4_500); // the kernel's rate estimator copies the counters every 2 s
        views.save("before-reload", "-Ln", "--stats");

        // HUP with a weight change and a new real server: only that delta is applied
        Files.writeString(conf, conf(true));
        long logFrom = Files.size(daemonLog);
        signal("HUP");
        long hup = System.nanoTime();
        await("reloaded", 30_000, s -> s.contains("-r 198.51.100.1:80 -m -w 4")
                && s.contains("-r 198.51.100.6:80 -m -w 1"));
        timing("reload-ms", hup);
        Thread.sleep(1_000);
        views.save("reloaded", "-Ln", "--stats");
        Files.writeString(Path.of("reload-log.txt"), slice(daemonLog, logFrom));

        // every real server of a virtual server down: the sorry server takes over, and hands back
        stop("198.51.100.4");
        long sorry = System.nanoTime();
        await("sorry server", 20_000, s -> s.contains("-r 198.51.100.9:80 -m -w 1")
                && !s.contains("198.51.100.4:80"));
        timing("sorry-ms", sorry);
        views.save("sorry");
        server("198.51.100.4", 80);
        await("sorry server gone", 20_000, s -> !s.contains("198.51.100.9") && s.contains("198.51.100.4:80"));
        views.save("unsorry");

        Files.writeString(Path.of("metrics.txt"), fetch("http://127.0.0.1:9650/metrics"));
        dataFile();

        // TERM: our rules go, a service someone added by hand stays
        TableViews.command("ipvsadm", "-A", "-t", "203.0.113.99:25", "-s", "rr");
        stopDaemon();
        views.save("stopped");

        // -I: the rules stay after TERM
        startDaemon(conf, "daemon-keep.log", "-I");
        await("startup -I", 120_000, s -> s.contains("-r 198.51.100.6:80 -m -w 1")
                && s.contains("-r 198.51.100.3:9000 -g -w 5"));
        stopDaemon();
        views.save("kept");
        try {
            keepalived(conf);
        } catch (Exception e) {
            // reported by its own test; jkeepalived's results above stand on their own
            Files.writeString(Path.of("keepalived-failed.txt"), e + "\n");
            if (daemon.isAlive()) {
                daemon.destroyForcibly();
            }
        }
    }

    /**
     * The same configuration under keepalived 2.2.7 (the host's, seen through the VM's root): its table with every
     * server up, then with a server down, an inhibited one down and a pool emptied, for the test to compare with
     * what jkeepalived programs.
     */
    private void keepalived(Path conf) throws Exception {
        Path keepalived = Path.of("/usr/sbin/keepalived");
        if (!Files.isExecutable(keepalived)) {
            Files.writeString(Path.of("keepalived-absent.txt"), keepalived + " is not installed\n");
            return;
        }
        TableViews.command("ipvsadm", "-C");
        Path kaConf = Path.of("keepalived-ka.conf").toAbsolutePath();
        // metrics_listen is jkeepalived's own keyword
        Files.writeString(kaConf, Files.readString(conf).replaceAll("(?m)^\\s*metrics_listen.*\\n", ""));
        ProcessBuilder pb = new ProcessBuilder(keepalived.toString(), "-n", "-l", "-D", "-C", "-f", kaConf.toString(),
                "-p", "/tmp/ka.pid", "-c", "/tmp/ka_checkers.pid", "-r", "/tmp/ka_vrrp.pid")
                .redirectErrorStream(true).redirectOutput(Path.of("keepalived.log").toFile());
        daemonLog = Path.of("keepalived.log");
        daemon = pb.start();
        await("keepalived startup", 60_000, s -> s.contains("-r 198.51.100.6:80 -m -w 1")
                && s.contains("-r 198.51.100.3:9000 -g -w 5") && s.contains("-r 198.51.100.4:80 -m -w 1"));
        views.save("keepalived-started");
        stop("198.51.100.2");
        stop("198.51.100.3");
        stop("198.51.100.4");
        await("keepalived down", 30_000, s -> !s.contains("198.51.100.2:80") && s.contains("-r 198.51.100.9:80")
                && s.contains("-r 198.51.100.3:9000 -g -w 0"));
        views.save("keepalived-down");
        stopDaemon();
        views.save("keepalived-stopped");
    }

    private void network() throws Exception {
        TableViews.command("ip", "netns", "add", NS);
        TableViews.command("ip", "link", "add", "veth0", "type", "veth", "peer", "name", "eth0", "netns", NS);
        TableViews.command("ip", "addr", "add", "198.51.100.254/24", "dev", "veth0");
        TableViews.command("ip", "link", "set", "veth0", "up");
        for (int i = 1; i <= 6; i++) {
            TableViews.command("ip", "netns", "exec", NS, "ip", "addr", "add", "198.51.100." + i + "/24", "dev", "eth0");
        }
        TableViews.command("ip", "netns", "exec", NS, "ip", "link", "set", "lo", "up");
        TableViews.command("ip", "netns", "exec", NS, "ip", "link", "set", "eth0", "up");
        TableViews.command("ip", "netns", "exec", NS, "ip", "route", "add", "default", "via", "198.51.100.254");
        // the director holds its VIPs, as an LVS-NAT director does
        for (String vip : List.of("203.0.113.10", "203.0.113.11", "203.0.113.12")) {
            TableViews.command("ip", "addr", "add", vip + "/32", "dev", "lo");
        }
        Path www = Files.createDirectories(Path.of("/tmp/www"));
        Files.writeString(www.resolve("index.html"), "jkeepalived ipvs vm\n");
    }

    /** Starts busybox httpd on {@code address:port} in the servers' namespace; returns once it accepts. */
    private void server(String address, int port) throws Exception {
        Process p = new ProcessBuilder("ip", "netns", "exec", NS, "busybox", "httpd", "-f", "-p", address + ":" + port,
                "-h", "/tmp/www").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        servers.put(address, p);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(address, port), 500);
                return;
            } catch (IOException e) {
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("httpd on " + address + ":" + port + " did not start");
    }

    private void stop(String address) throws Exception {
        Process p = servers.remove(address);
        p.destroy();
        p.waitFor(10, TimeUnit.SECONDS);
    }

    private void startDaemon(Path conf, String log, String... extra) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(launcher.toString(), "-n", "-l", "-D", "-C", "-f", conf.toString(),
                "-p", "/tmp/keepalived.pid", "-c", "/tmp/keepalived_checkers.pid"));
        cmd.addAll(List.of(extra));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(Path.of(log).toFile());
        pb.environment().put("JAVA", java);
        pb.environment().put("JKEEPALIVED_CDS", "off"); // training the archive under TCG costs more than it saves
        daemonLog = Path.of(log);
        daemon = pb.start();
    }

    private void stopDaemon() throws Exception {
        daemon.destroy(); // SIGTERM to the parent (the launcher execs java)
        if (!daemon.waitFor(60, TimeUnit.SECONDS)) {
            daemon.destroyForcibly();
            throw new IllegalStateException("the daemon did not stop in 60 s");
        }
        Files.writeString(Path.of(daemonLog + ".exit"), daemon.exitValue() + "\n");
    }

    private void signal(String name) throws Exception {
        TableViews.command("kill", "-" + name, Long.toString(daemon.pid()));
    }

    /** Waits until our own dump, in ipvsadm's -S form, satisfies {@code ready}. */
    private void await(String what, long timeoutMillis, Predicate<String> ready) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        String last = "";
        while (System.nanoTime() < deadline) {
            last = views.ownDump();
            if (ready.test(last)) {
                return;
            }
            if (!daemon.isAlive()) {
                throw new IllegalStateException(what + ": the daemon exited with " + daemon.exitValue());
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException(what + ": not reached in " + timeoutMillis + " ms; the table:\n" + last);
    }

    /** {@code n} HTTP requests to a VIP; a DR service's real server does not answer (it lacks the VIP). */
    private static String traffic(String vip, int port, int n) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < n; i++) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(vip, port), 1000);
                s.setSoTimeout(1000);
                s.getOutputStream().write("GET /index.html HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                String first = new String(s.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
                out.append(vip).append(':').append(port).append(' ').append(first).append('\n');
            } catch (IOException e) {
                out.append(vip).append(':').append(port).append(" failed ").append(e.getMessage()).append('\n');
            }
        }
        return out.toString();
    }

    private void dataFile() throws Exception {
        Path data = Path.of("/tmp/keepalived_check.data");
        Files.deleteIfExists(data);
        signal("USR1");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!Files.exists(data) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        Thread.sleep(300);
        if (Files.exists(data)) {
            Files.copy(data, Path.of("keepalived_check.data"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static String fetch(String url) {
        try {
            HttpURLConnection c = (HttpURLConnection) new URL(url).openConnection();
            c.setConnectTimeout(5000);
            c.setReadTimeout(20000);
            try (InputStream in = c.getInputStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            return "failed: " + e + "\n";
        }
    }

    private void timing(String name, long sinceNanos) {
        timings.append(name).append(' ').append(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sinceNanos))
                .append('\n');
    }

    private static String slice(Path file, long from) throws IOException {
        byte[] all = Files.readAllBytes(file);
        return new String(all, (int) from, all.length - (int) from, StandardCharsets.UTF_8);
    }

    private void cleanup() {
        if (daemon != null && daemon.isAlive()) {
            daemon.destroyForcibly();
        }
        servers.values().forEach(Process::destroyForcibly);
    }
}
