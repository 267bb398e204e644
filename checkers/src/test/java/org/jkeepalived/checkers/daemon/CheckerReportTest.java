package org.jkeepalived.checkers.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jkeepalived.checkers.policy.Configs;
import org.jkeepalived.checkers.probe.ProbeResult;
import org.jkeepalived.core.config.lvs.Protocol;
import org.jkeepalived.core.status.CheckerStatusSource.RealServerHealth;
import org.jkeepalived.core.status.CheckerStatusSource.Snapshot;
import org.jkeepalived.core.time.FakeScheduler;
import org.jkeepalived.ipvs.FakeIpvsTable;
import org.jkeepalived.ipvs.Service;
import org.jkeepalived.ipvs.ServiceKey;
import org.junit.jupiter.api.Test;

/** The checker daemon's status snapshot and data file, in virtual time with probes that take time. */
class CheckerReportTest {
    private static final long MS = 1_000_000L;
    private static final long S = 1_000 * MS;

    private final FakeScheduler clock = new FakeScheduler();
    private final FakeIpvsTable table = new FakeIpvsTable();
    private final Map<String, Boolean> healthy = new HashMap<>();

    private static final String CONF = """
            virtual_server 2001:db8::10 80 {
              protocol TCP
              lvs_sched wrr
              lvs_method NAT
              delay_loop 5
              real_server 2001:db8::1 80 {
                weight 3
                TCP_CHECK { connect_timeout 3
                  retry 2
                  delay_before_retry 1
                  warmup 0 }
              }
              real_server 2001:db8::2 8080 {
                inhibit_on_failure
                HTTP_GET { url { path / }
                  retry 0
                  warmup 0 }
              }
            }
            """;

    /** Every probe answers 40 ms after it starts. */
    private CheckerDaemon start() {
        CheckerOptions o = CheckerOptions.defaults().withProbes((checker, vs, rs) -> done -> {
            boolean ok = healthy.getOrDefault(rs.address().getHostAddress(), true);
            clock.schedule(40 * MS, () -> done.accept(ok ? ProbeResult.ok() : ProbeResult.failed("down")));
        });
        return CheckerDaemon.start(Configs.parse(CONF), o, table, clock);
    }

    @Test
    void snapshotHasHealthLatencyFailuresAndOnlyOurTraffic() throws Exception {
        table.addService(Service.of(new ServiceKey.Inet(Protocol.TCP, InetAddress.getByName("203.0.113.1"), 25), "rr"));
        CheckerDaemon d = start();
        Snapshot before = d.snapshot();
        assertEquals(List.of(new RealServerHealth("TCP [2001:db8::10]:80", "[2001:db8::1]:80", true, -1, 0),
                new RealServerHealth("TCP [2001:db8::10]:80", "[2001:db8::2]:8080", true, -1, 0)), before.realServers());
        clock.advance(1 * S);
        healthy.put("2001:db8:0:0:0:0:0:1", false);
        healthy.put("2001:db8:0:0:0:0:0:2", false);
        clock.runUntil(6 * S); // 2001:db8::1: failed at 5.04 s, retrying; the other is down at once (retry 0)
        Snapshot s = d.snapshot();
        assertEquals(new RealServerHealth("TCP [2001:db8::10]:80", "[2001:db8::1]:80", true, 40_000, 1),
                s.realServers().get(0));
        assertEquals(new RealServerHealth("TCP [2001:db8::10]:80", "[2001:db8::2]:8080", false, 40_000, 1),
                s.realServers().get(1));
        clock.runUntil(8 * S);
        assertEquals(new RealServerHealth("TCP [2001:db8::10]:80", "[2001:db8::1]:80", false, 40_000, 3),
                d.snapshot().realServers().get(0));
        assertEquals(1, s.virtualServers().size(), "the foreign service is not ours: " + s.virtualServers());
        assertEquals("TCP [2001:db8::10]:80", s.virtualServers().get(0).virtualServer());
        d.stop(false);
        clock.runDue();
        assertEquals(List.of(), d.snapshot().virtualServers());
    }

    @Test
    void dataFileHasTopologyAndCheckers() {
        CheckerDaemon d = start();
        clock.advance(1 * S);
        String data = d.dataDump();
        for (String line : List.of("------< LVS Topology >------", " VS VIP = 2001:db8::10, VPORT = 80",
                "   lvs_sched = wrr", "   RIP = 2001:db8::1, RPORT = 80, WEIGHT = 3 EFF WEIGHT = 3",
                "   RIP = 2001:db8::2, RPORT = 8080, WEIGHT = 1 EFF WEIGHT = 1", "   Inhibit on failure is ON",
                "------< Health checkers >------", " [2001:db8::10]:tcp:80 -> [2001:db8::1]:tcp:80",
                " [2001:db8::10]:tcp:80 -> [2001:db8::2]:tcp:8080", "   Delay loop = 5000000 us",
                "   Keepalive method = TCP_CHECK", "   Keepalive method = HTTP_GET", "   Has run = yes")) {
            assertTrue(data.contains(line + "\n"), () -> "missing '" + line + "' in\n" + data);
        }
        d.stop(false);
    }
}
