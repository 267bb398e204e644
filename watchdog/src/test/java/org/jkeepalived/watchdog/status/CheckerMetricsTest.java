package org.jkeepalived.watchdog.status;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.util.List;
import java.util.Set;
import org.jkeepalived.core.config.lvs.Protocol;
import org.jkeepalived.core.status.CheckerStatusSource;
import org.jkeepalived.core.status.CheckerStatusSource.RealServerHealth;
import org.jkeepalived.ipvs.IpvsStats;
import org.jkeepalived.ipvs.Service;
import org.jkeepalived.ipvs.ServiceDump;
import org.jkeepalived.ipvs.ServiceKey;
import org.junit.jupiter.api.Test;

class CheckerMetricsTest {
    @Test
    void realServerHealthAndIpvsTrafficParseAndMatch() throws Exception {
        ServiceKey key = new ServiceKey.Inet(Protocol.TCP, InetAddress.getByAddress(new byte[] {(byte) 192, 0, 2,
            10}), 80);
        IpvsStats st = new IpvsStats(5, 100, 90, 64_000, 128_000, 0, 0, 0, 0, 0);
        List<ServiceDump> dump = List.of(new ServiceDump(new Service(key, "wlc", Set.of(), 0, 0, ""), st, List.of()));
        CheckerStatusSource source = () -> new CheckerStatusSource.Snapshot(List.of(
                new RealServerHealth("TCP 192.0.2.10:80", "192.0.2.21:80", true, 1_500, 0),
                new RealServerHealth("TCP 192.0.2.10:80", "192.0.2.22:80", false, -1, 3)),
                CheckerMetrics.traffic(dump));
        PrometheusText p = PrometheusText.parse(ChildDocuments.checkers(StatusDocument.METRICS, source));
        String vs = "TCP 192.0.2.10:80";
        assertEquals(1, p.value("jkeepalived_real_server_up", "virtual_server", vs, "real_server", "192.0.2.21:80"));
        assertEquals(0, p.value("jkeepalived_real_server_up", "virtual_server", vs, "real_server", "192.0.2.22:80"));
        assertEquals(0.0015, p.value("jkeepalived_real_server_check_latency_seconds", "virtual_server", vs,
                "real_server", "192.0.2.21:80"));
        assertEquals(3, p.value("jkeepalived_real_server_consecutive_failures", "virtual_server", vs,
                "real_server", "192.0.2.22:80"));
        assertEquals(5, p.value("jkeepalived_virtual_server_connections_total", "virtual_server", vs));
        assertEquals(90, p.value("jkeepalived_virtual_server_packets_total", "virtual_server", vs, "direction", "out"));
        assertEquals(64_000, p.value("jkeepalived_virtual_server_bytes_total", "virtual_server", vs, "direction",
                "in"));
        assertEquals("{\"real_servers\":[],\"virtual_servers\":[]}",
                ChildDocuments.checkers(StatusDocument.STATUS_JSON, CheckerStatusSource.NONE));
        assertEquals("", ChildDocuments.checkers(StatusDocument.METRICS, CheckerStatusSource.NONE));
    }
}
