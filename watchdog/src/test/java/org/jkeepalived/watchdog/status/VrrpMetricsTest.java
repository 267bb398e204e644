package org.jkeepalived.watchdog.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jkeepalived.core.time.FakeScheduler;
import org.jkeepalived.vrrp.engine.InstanceSpec;
import org.jkeepalived.vrrp.engine.TrackedObject;
import org.jkeepalived.vrrp.engine.VrrpInstance;
import org.jkeepalived.vrrp.packet.DropReason;
import org.jkeepalived.vrrp.packet.VrrpStats;
import org.junit.jupiter.api.Test;

class VrrpMetricsTest {
    static final InetAddress LOCAL = ip(192, 0, 2, 1);
    static final InetAddress PEER = ip(192, 0, 2, 2);
    static final InetAddress VIP = ip(192, 0, 2, 100);
    private final FakeScheduler scheduler = new FakeScheduler();

    static InetAddress ip(int a, int b, int c, int d) {
        try {
            return InetAddress.getByAddress(new byte[] {(byte) a, (byte) b, (byte) c, (byte) d});
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    /** An instance wired to nothing: the engine with do-nothing ports, counting its sends into {@code stats}. */
    static VrrpInstance instance(InstanceSpec spec, FakeScheduler scheduler, VrrpStats stats) {
        VrrpInstance i = new VrrpInstance(spec, scheduler, (advert, to) -> stats.advertSent(advert.priority()),
                new org.jkeepalived.vrrp.engine.AddressInstaller() {
                    @Override
                    public void install(InstanceSpec s) {
                    }

                    @Override
                    public void remove(InstanceSpec s) {
                    }
                }, (s, repeat) -> { });
        i.addListener((name, to, from, reason, priority) -> {
            if (to == org.jkeepalived.vrrp.engine.VrrpState.MASTER) {
                stats.becameMaster();
            } else if (from == org.jkeepalived.vrrp.engine.VrrpState.MASTER) {
                stats.releasedMaster();
            }
        });
        return i;
    }

    private static VrrpStats busyStats() {
        VrrpStats s = new VrrpStats();
        int n = 1;
        for (DropReason r : DropReason.values()) {
            for (int k = 0; k < n; k++) {
                s.drop(r);
            }
            n++;
        }
        for (int k = 0; k < 17; k++) {
            s.advertReceived();
        }
        s.addressListError();
        s.addressListError();
        s.priorityZeroReceived();
        return s;
    }

    @Test
    void exposesStatePrioritiesTransitionsAndTrackers() {
        VrrpStats stats = new VrrpStats();
        VrrpInstance vi = instance(InstanceSpec.builder("VI_1", 51, LOCAL).virtualAddress(VIP).priority(150)
                .track(TrackedObject.trackScript("chk", -60)).build(), scheduler, stats);
        vi.start();
        scheduler.advance(4_000_000_000L); // master down timer: MASTER
        scheduler.advance(2_500_000_000L);
        vi.scriptResult("chk", false);
        String text = render(List.of(new InstanceView(vi, stats)));
        PrometheusText p = PrometheusText.parse(text);
        assertEquals(1, p.value("jkeepalived_vrrp_state", "instance", "VI_1", "state", "MASTER"));
        assertEquals(0, p.value("jkeepalived_vrrp_state", "instance", "VI_1", "state", "BACKUP"));
        assertEquals(150, p.value("jkeepalived_vrrp_base_priority", "instance", "VI_1"));
        assertEquals(90, p.value("jkeepalived_vrrp_effective_priority", "instance", "VI_1"));
        assertEquals(1, p.value("jkeepalived_vrrp_transitions_total", "instance", "VI_1", "reason", "startup"));
        assertEquals(1, p.value("jkeepalived_vrrp_transitions_total", "instance", "VI_1", "reason",
                "master_down_timer"));
        assertEquals(0, p.value("jkeepalived_vrrp_tracked_healthy", "instance", "VI_1", "kind", "script", "name",
                "chk"));
        assertEquals(-60, p.value("jkeepalived_vrrp_tracked_priority_contribution", "instance", "VI_1", "kind",
                "script", "name", "chk"));
        double inState = p.value("jkeepalived_vrrp_time_in_state_seconds", "instance", "VI_1");
        // MASTER at 3.414 s (3 adverts + skew (256-150)/256 s), scraped at 6.5 s
        assertEquals(6.5 - 3.0 - 106 / 256.0, inState, 0.001);
        assertEquals(stats.advertSent(), p.value("jkeepalived_vrrp_adverts_sent_total", "instance", "VI_1"));
        assertTrue(stats.advertSent() >= 3);
        assertEquals("counter", p.types.get("jkeepalived_vrrp_transitions_total"));
        assertEquals("gauge", p.types.get("jkeepalived_vrrp_state"));
    }

    @Test
    void everyCounterMatchesTheStatsFileAndTheJsonDump() {
        VrrpStats one = busyStats();
        VrrpStats two = new VrrpStats();
        two.advertSent(0);
        two.advertSent(100);
        VrrpInstance a = instance(InstanceSpec.builder("VI_1", 51, LOCAL).virtualAddress(VIP).build(), scheduler,
                new VrrpStats());
        VrrpInstance b = instance(InstanceSpec.builder("VI_\"2\"", 52, LOCAL).virtualAddress(VIP).build(),
                scheduler, new VrrpStats());
        PrometheusText p = PrometheusText.parse(render(List.of(new InstanceView(a, one), new InstanceView(b, two))));
        for (Map.Entry<String, VrrpStats> e : Map.of("VI_1", one, "VI_\"2\"", two).entrySet()) {
            String name = e.getKey();
            // /tmp/keepalived.stats, as VrrpDumps writes it on USR2
            Map<String, Long> file = statsFile(e.getValue().formatStatsFile(name));
            assertEquals(file.get("Advertisements/Received"), counter(p, "adverts_received_total", name));
            assertEquals(file.get("Advertisements/Sent"), counter(p, "adverts_sent_total", name));
            assertEquals(file.get("Became master"), counter(p, "become_master_total", name));
            assertEquals(file.get("Released master"), counter(p, "release_master_total", name));
            assertEquals(file.get("Packet Errors/Length"), dropped(p, "packet_len_err", name));
            assertEquals(file.get("Packet Errors/TTL"), dropped(p, "ip_ttl_err", name));
            assertEquals(file.get("Packet Errors/Invalid Type"), dropped(p, "invalid_type_rcvd", name));
            assertEquals(file.get("Packet Errors/Advertisement Interval"), dropped(p, "advert_interval_err", name));
            assertEquals(file.get("Packet Errors/Address List"), counter(p, "addr_list_err_total", name));
            assertEquals(file.get("Authentication Errors/Invalid Type"), dropped(p, "invalid_authtype", name));
            assertEquals(file.get("Authentication Errors/Type Mismatch"), dropped(p, "authtype_mismatch", name));
            assertEquals(file.get("Authentication Errors/Failure"), dropped(p, "auth_failure", name));
            assertEquals(file.get("Priority Zero/Received"), counter(p, "priority_zero_received_total", name));
            assertEquals(file.get("Priority Zero/Sent"), counter(p, "priority_zero_sent_total", name));
            // keepalived.json's "stats": every counter, the ones keepalived does not keep included
            for (Map.Entry<String, Long> s : e.getValue().snapshot().entrySet()) {
                String metric = VrrpMetrics.COUNTERS.get(s.getKey());
                long exposed = metric != null ? counter(p, metric, name) : dropped(p, s.getKey(), name);
                assertEquals(s.getValue(), exposed, s.getKey());
            }
        }
        assertEquals(17L, counter(p, "adverts_received_total", "VI_1"));
        assertEquals(2L, counter(p, "adverts_sent_total", "VI_\"2\""));
        assertEquals(1L, counter(p, "priority_zero_sent_total", "VI_\"2\""));
    }

    private static long counter(PrometheusText p, String metric, String instance) {
        return (long) p.value("jkeepalived_vrrp_" + metric, "instance", instance);
    }

    private static long dropped(PrometheusText p, String reason, String instance) {
        return (long) p.value("jkeepalived_vrrp_dropped_total", "instance", instance, "reason", reason);
    }

    /** keepalived's stats file block as section/label to number ("Packet Errors/TTL" -> 2). */
    static Map<String, Long> statsFile(String text) {
        Map<String, Long> out = new java.util.HashMap<>();
        String section = "";
        Matcher m;
        for (String line : text.split("\n")) {
            if ((m = Pattern.compile("^  (\\S.*):$").matcher(line)).matches()) {
                section = m.group(1) + "/";
            } else if ((m = Pattern.compile("^    (\\S.*): (\\d+)$").matcher(line)).matches()) {
                out.put(section + m.group(1), Long.parseLong(m.group(2)));
            } else if ((m = Pattern.compile("^  (\\S.*): (\\d+)$").matcher(line)).matches()) {
                out.put(m.group(1), Long.parseLong(m.group(2)));
                section = "";
            }
        }
        return out;
    }

    private String render(List<InstanceView> views) {
        return ChildDocuments.vrrp(StatusDocument.METRICS, views, scheduler.nanoTime(), Instant.EPOCH);
    }
}
