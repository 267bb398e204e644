package org.jkeepalived.checkers.it;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.FileInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.jkeepalived.core.testing.Command;
import org.jkeepalived.core.testing.JvmProcess;
import org.jkeepalived.core.testing.NetworkNamespace;
import org.jkeepalived.core.testing.Wait;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checker subsystem against real servers: HTTP, TCP, SMTP and DNS servers run in one namespace, the checker
 * in another (a veth between them, documentation addresses); IPVS is the in-memory table (this kernel has none).
 * Stopping a server must take it out (or to weight 0 with inhibit_on_failure) within delay_loop + retry ×
 * delay_before_retry + connect_timeout, starting it brings it back, quorum transitions run quorum_up/quorum_down
 * and the sorry server takes over when every real server is down.
 */
class CheckersIT {
    /** delay_loop 1 + retry 1 × delay_before_retry 1 + connect_timeout 1, plus scheduling and JVM slack. */
    private static final long DETECT_MS = 3_000 + 1_500;
    private static final String WEB1_MD5 = "d29fc2ab8061bb4c077a0635aa18bf8d";

    private static String conf(Path dir) {
        String check = "connect_timeout 1\n retry 1\n delay_before_retry 1\n warmup 0\n";
        return """
                global_defs {
                  lvs_notify_fifo DIR/fifo
                }
                virtual_server 203.0.113.10 80 {
                  protocol TCP
                  lvs_sched rr
                  lvs_method NAT
                  delay_loop 1
                  quorum 2
                  quorum_up "/bin/touch DIR/quorum_up"
                  quorum_down "/bin/touch DIR/quorum_down"
                  sorry_server 192.0.2.9 80
                  real_server 192.0.2.2 80 { HTTP_GET { url { path /
                    digest MD5 }
                    @OPTS@ } }
                  real_server 192.0.2.3 80 { HTTP_GET { url { path /
                    status_code 200 }
                    @OPTS@ } }
                  real_server 192.0.2.4 80 { HTTP_GET { url { path / }
                    @OPTS@ } }
                }
                virtual_server 203.0.113.11 25 {
                  protocol TCP
                  lvs_sched wlc
                  lvs_method NAT
                  delay_loop 1
                  inhibit_on_failure
                  real_server 192.0.2.2 25 { SMTP_CHECK { @OPTS@ } }
                  real_server 192.0.2.2 9000 { weight 3
                    TCP_CHECK { @OPTS@ } }
                }
                virtual_server 203.0.113.12 53 {
                  protocol UDP
                  lvs_sched rr
                  lvs_method NAT
                  delay_loop 1
                  real_server 192.0.2.2 53 { DNS_CHECK { type A
                    name example.org
                    @OPTS@ } }
                  real_server 192.0.2.3 53 { DNS_CHECK { @OPTS@ } }
                }
                virtual_server 203.0.113.13 80 {
                  protocol TCP
                  lvs_sched rr
                  lvs_method DR
                  delay_loop 1
                  real_server 192.0.2.5 80 { PING_CHECK { @OPTS@ } }
                }
                """.replace("DIR", dir.toString()).replace("MD5", WEB1_MD5).replace("@OPTS@", check);
    }

    @Test
    void poolFollowsTheHealthOfRealServers(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("keepalived.conf"), conf(dir));
        Command.check("mkfifo", dir.resolve("fifo").toString());
        List<String> fifo = new CopyOnWriteArrayList<>();
        Thread fifoReader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(
                    new FileInputStream(dir.resolve("fifo").toFile()), StandardCharsets.UTF_8))) {
                String l;
                while ((l = r.readLine()) != null) {
                    fifo.add(l);
                }
            } catch (java.io.IOException e) {
                // closed at the end
            }
        });
        fifoReader.setDaemon(true);
        fifoReader.start();
        try (NetworkNamespace lb = NetworkNamespace.create(); NetworkNamespace srv = NetworkNamespace.create()) {
            lb.vethTo("lb0", srv, "srv0");
            lb.ip("addr", "add", "192.0.2.1/24", "dev", "lb0");
            lb.ip("link", "set", "lb0", "up");
            for (String a : List.of("192.0.2.2", "192.0.2.3", "192.0.2.4", "192.0.2.5")) {
                srv.ip("addr", "add", a + "/24", "dev", "srv0");
            }
            srv.ip("link", "set", "srv0", "up");
            try (JvmProcess servers = new JvmProcess(srv, TestServers.class, dir.resolve("servers.log"),
                    "web1=http@192.0.2.2:80", "web2=http@192.0.2.3:80", "web3=http@192.0.2.4:80",
                    "smtp=smtp@192.0.2.2:25", "tcp=tcp@192.0.2.2:9000", "dns1=dns@192.0.2.2:53",
                    "dns2=dns@192.0.2.3:53")) {
                assertNotNull(servers.await("READY"::equals, 20_000), "servers did not start");
                try (JvmProcess checker = new JvmProcess(lb, CheckerHarness.class, dir.resolve("checker.log"),
                        dir.resolve("keepalived.conf").toString())) {
                    String all = "TCP 203.0.113.10:80 -> 192.0.2.2:80=1 192.0.2.3:80=1 192.0.2.4:80=1"
                            + "|TCP 203.0.113.11:25 -> 192.0.2.2:25=1 192.0.2.2:9000=3"
                            + "|UDP 203.0.113.12:53 -> 192.0.2.2:53=1 192.0.2.3:53=1"
                            + "|TCP 203.0.113.13:80 -> 192.0.2.5:80=1";
                    expect(checker, all, 20_000, dir);
                    // let every checker run at least once more, the state must stay
                    Thread.sleep(2_500);
                    assertTrue(checker.last("IPVS ").equals("IPVS " + all), checker.last("IPVS "));

                    toggle(servers, "stop web3");
                    long t0 = System.nanoTime();
                    expect(checker, all.replace(" 192.0.2.4:80=1", ""), DETECT_MS, dir);
                    long detectMs = (System.nanoTime() - t0) / 1_000_000;
                    System.out.println("web3 removed after " + detectMs + " ms");
                    toggle(servers, "start web3");
                    expect(checker, all, DETECT_MS, dir);

                    toggle(servers, "stop tcp");
                    expect(checker, all.replace("192.0.2.2:9000=3", "192.0.2.2:9000=0"), DETECT_MS, dir);
                    toggle(servers, "stop smtp");
                    expect(checker, all.replace("192.0.2.2:9000=3", "192.0.2.2:9000=0")
                            .replace("192.0.2.2:25=1", "192.0.2.2:25=0"), DETECT_MS, dir);
                    toggle(servers, "start tcp");
                    toggle(servers, "start smtp");
                    expect(checker, all, DETECT_MS, dir);

                    toggle(servers, "stop dns2");
                    expect(checker, all.replace(" 192.0.2.3:53=1", ""), DETECT_MS, dir);
                    toggle(servers, "start dns2");
                    expect(checker, all, DETECT_MS, dir);

                    // PING_CHECK: the host goes away; each attempt also waits connect_timeout for the reply
                    srv.ip("addr", "del", "192.0.2.5/24", "dev", "srv0");
                    expect(checker, all.replace(" 192.0.2.5:80=1", ""), DETECT_MS + 2_000, dir);
                    srv.ip("addr", "add", "192.0.2.5/24", "dev", "srv0");
                    expect(checker, all, DETECT_MS, dir);

                    // quorum 2 of three weight-1 servers: losing two loses quorum, the sorry server takes over
                    toggle(servers, "stop web2");
                    toggle(servers, "stop web3");
                    String sorry = "TCP 203.0.113.10:80 -> 192.0.2.9:80=1";
                    expect(checker, sorry + all.substring(all.indexOf('|')), DETECT_MS, dir);
                    awaitFile(dir.resolve("quorum_down"));
                    toggle(servers, "stop web1");
                    Thread.sleep(DETECT_MS);
                    assertTrue(checker.last("IPVS ").startsWith("IPVS " + sorry + "|"), checker.last("IPVS "));
                    toggle(servers, "start web1");
                    toggle(servers, "start web2");
                    expect(checker, all.replace(" 192.0.2.4:80=1", ""), DETECT_MS, dir);
                    awaitFile(dir.resolve("quorum_up"));
                    toggle(servers, "start web3");
                    expect(checker, all, DETECT_MS, dir);
                    checker.send("stop");
                    Wait.until(Duration.ofSeconds(2), Duration.ofMillis(50),
                            () -> fifo.contains("RS [192.0.2.4]:tcp:80 [203.0.113.10]:tcp:80 UP"));
                    assertTrue(fifo.contains("RS [192.0.2.4]:tcp:80 [203.0.113.10]:tcp:80 DOWN"), fifo.toString());
                    assertTrue(fifo.contains("VS [203.0.113.10]:tcp:80 DOWN"), fifo.toString());
                    assertTrue(fifo.contains("VS [203.0.113.10]:tcp:80 UP"), fifo.toString());
                }
            }
        }
    }

    /** PING_CHECK over ICMPv6: real servers on 2001:db8:: addresses go out when their address goes and come back. */
    @Test
    void pingCheckFollowsIpv6RealServers(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("keepalived.conf"), """
                virtual_server 2001:db8:1::10 80 {
                  protocol TCP
                  lvs_sched rr
                  lvs_method DR
                  delay_loop 1
                  real_server 2001:db8::5 80 { PING_CHECK { connect_timeout 1
                    retry 1
                    delay_before_retry 1
                    warmup 0 } }
                  real_server 2001:db8::6 80 { PING_CHECK { connect_timeout 1
                    retry 1
                    delay_before_retry 1
                    warmup 0 } }
                }
                """);
        try (NetworkNamespace lb = NetworkNamespace.create(); NetworkNamespace srv = NetworkNamespace.create()) {
            lb.ip("link", "add", "lb0", "type", "veth", "peer", "name", "srv0", "netns", srv.name());
            lb.ip("addr", "add", "2001:db8::1/64", "dev", "lb0", "nodad");
            lb.ip("link", "set", "lb0", "up");
            srv.ip("addr", "add", "2001:db8::5/64", "dev", "srv0", "nodad");
            srv.ip("addr", "add", "2001:db8::6/64", "dev", "srv0", "nodad");
            srv.ip("link", "set", "srv0", "up");
            try (JvmProcess checker = new JvmProcess(lb, CheckerHarness.class, dir.resolve("checker.log"),
                    dir.resolve("keepalived.conf").toString())) {
                String all = "TCP [2001:db8:1::10]:80 -> 2001:db8::5:80=1 2001:db8::6:80=1";
                expect(checker, all, 20_000, dir);
                srv.ip("addr", "del", "2001:db8::6/64", "dev", "srv0");
                expect(checker, all.replace(" 2001:db8::6:80=1", ""), DETECT_MS + 2_000, dir);
                srv.ip("addr", "add", "2001:db8::6/64", "dev", "srv0", "nodad");
                expect(checker, all, DETECT_MS, dir);
                checker.send("stop");
            }
        }
    }

    private static void toggle(JvmProcess servers, String command) throws Exception {
        servers.send(command);
        assertNotNull(servers.await(("OK " + command)::equals, 5_000), command);
    }

    private static void expect(JvmProcess checker, String state, long millis, Path dir) throws Exception {
        String want = "IPVS " + state;
        if (checker.last("IPVS ").equals(want)) {
            return;
        }
        String got = checker.await(want::equals, millis);
        if (got == null) {
            throw new AssertionError("after " + millis + " ms IPVS is\n  " + checker.last("IPVS ") + "\nnot\n  "
                    + want + "\nchecker log:\n" + tail(dir.resolve("checker.log")));
        }
    }

    private static String tail(Path log) throws java.io.IOException {
        List<String> l = Files.readAllLines(log);
        return String.join("\n", l.subList(Math.max(0, l.size() - 30), l.size()));
    }

    private static void awaitFile(Path p) {
        Wait.until(Duration.ofSeconds(3), Duration.ofMillis(50), () -> Files.exists(p));
        assertTrue(Files.exists(p), p + " was not created by the quorum script");
    }
}
