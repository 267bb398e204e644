package org.jkeepalived.checkers.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.jkeepalived.core.testing.JvmProcess;
import org.jkeepalived.core.testing.NetworkNamespace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bind_if} and {@code fwmark} on TCP_CHECK, HTTP_GET and DNS_CHECK: the server's address is reached only through the
 * second of two links. The main table sends it down the first link, whose far end answers nothing; a
 * higher-metric route through the second link serves a socket bound to that interface, and {@code ip rule fwmark 7
 * table 100} routes marked sockets there. A check with either keyword keeps its server in the pool, the same check
 * without them takes it out.
 */
class SocketOptionsIT {
    private static final String CHECK = "connect_timeout 1\n retry 1\n delay_before_retry 1\n warmup 0\n";

    @Test
    void bindIfAndFwmarkChooseThePath(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("keepalived.conf"), """
                virtual_server 203.0.113.10 9000 {
                  protocol TCP
                  lvs_sched rr
                  lvs_method NAT
                  delay_loop 1
                  real_server 203.0.113.50 9000 { TCP_CHECK { bind_if lb1
                    @C@ } }
                }
                virtual_server 203.0.113.11 9000 {
                  protocol TCP
                  lvs_sched rr
                  lvs_method NAT
                  delay_loop 1
                  real_server 203.0.113.50 9000 { TCP_CHECK { fwmark 7
                    @C@ } }
                }
                virtual_server 203.0.113.12 9000 {
                  protocol TCP
                  lvs_sched rr
                  lvs_method NAT
                  delay_loop 1
                  real_server 203.0.113.50 9000 { TCP_CHECK { @C@ } }
                }
                virtual_server 203.0.113.13 80 {
                  protocol TCP
                  lvs_sched rr
                  lvs_method NAT
                  delay_loop 1
                  real_server 203.0.113.50 80 { HTTP_GET { url { path /
                    status_code 200 }
                    bind_if lb1
                    @C@ } }
                  real_server 203.0.113.51 80 { HTTP_GET { url { path /
                    status_code 200 }
                    fwmark 7
                    bindto 198.51.100.1
                    @C@ } }
                }
                virtual_server 203.0.113.14 53 {
                  protocol UDP
                  lvs_sched rr
                  lvs_method NAT
                  delay_loop 1
                  real_server 203.0.113.50 53 { DNS_CHECK { type A
                    name example.org
                    bind_if lb1
                    @C@ } }
                  real_server 203.0.113.51 53 { DNS_CHECK { @C@ } }
                }
                """.replace("@C@", CHECK));
        try (NetworkNamespace lb = NetworkNamespace.create(); NetworkNamespace srv = NetworkNamespace.create()) {
            lb.vethTo("lb0", srv, "srv0");
            lb.vethTo("lb1", srv, "srv1");
            lb.ip("addr", "add", "192.0.2.1/24", "dev", "lb0");
            lb.ip("addr", "add", "198.51.100.1/24", "dev", "lb1");
            lb.ip("link", "set", "lb0", "up");
            lb.ip("link", "set", "lb1", "up");
            for (String a : List.of("203.0.113.50", "203.0.113.51")) {
                // the dead path wins for unmarked, unbound sockets
                lb.ip("route", "add", a, "via", "192.0.2.2", "dev", "lb0");
                lb.ip("route", "add", a, "via", "198.51.100.2", "dev", "lb1", "metric", "100");
                lb.ip("route", "add", a, "via", "198.51.100.2", "dev", "lb1", "table", "100");
            }
            lb.ip("rule", "add", "fwmark", "7", "table", "100");
            // srv0 has no address: 192.0.2.2 never answers ARP, so the first link is a dead end
            srv.ip("link", "set", "srv0", "up");
            srv.ip("addr", "add", "198.51.100.2/24", "dev", "srv1");
            srv.ip("link", "set", "srv1", "up");
            srv.ip("addr", "add", "203.0.113.50/32", "dev", "lo");
            srv.ip("addr", "add", "203.0.113.51/32", "dev", "lo");
            try (JvmProcess servers = new JvmProcess(srv, TestServers.class, dir.resolve("servers.log"),
                    "tcp=tcp@203.0.113.50:9000", "web=http@203.0.113.50:80", "web2=http@203.0.113.51:80",
                    "dns=dns@203.0.113.50:53", "dns2=dns@203.0.113.51:53")) {
                assertNotNull(servers.await("READY"::equals, 20_000), "servers did not start");
                try (JvmProcess checker = new JvmProcess(lb, CheckerHarness.class, dir.resolve("checker.log"),
                        dir.resolve("keepalived.conf").toString())) {
                    String want = "IPVS TCP 203.0.113.10:9000 -> 203.0.113.50:9000=1"
                            + "|TCP 203.0.113.11:9000 -> 203.0.113.50:9000=1"
                            + "|TCP 203.0.113.12:9000 ->"
                            + "|TCP 203.0.113.13:80 -> 203.0.113.50:80=1 203.0.113.51:80=1"
                            + "|UDP 203.0.113.14:53 -> 203.0.113.50:53=1";
                    String got = checker.await(want::equals, 20_000);
                    assertEquals(want, got == null ? checker.last("") + "\n" + tail(dir) : got);
                    // the checks run: the bound and marked ones see the server go and come back
                    servers.send("stop tcp");
                    String gone = want.replace("203.0.113.50:9000=1", "").replace(" -> |", " ->|");
                    got = checker.await(gone::equals, 6_000);
                    assertEquals(gone, got == null ? checker.last("") + "\n" + tail(dir) : got);
                    servers.send("start tcp");
                    got = checker.await(want::equals, 6_000);
                    assertEquals(want, got == null ? checker.last("") + "\n" + tail(dir) : got);
                    checker.send("stop");
                }
            }
        }
    }

    private static String tail(Path dir) throws java.io.IOException {
        List<String> l = Files.readAllLines(dir.resolve("checker.log"));
        return String.join("\n", l.subList(Math.max(0, l.size() - 30), l.size()));
    }
}
