package org.jkeepalived.checkers.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.util.HashMap;
import java.util.Map;

import org.jkeepalived.checkers.policy.Configs;
import org.jkeepalived.checkers.probe.ProbeResult;
import org.jkeepalived.core.config.KeepalivedConfig;
import org.jkeepalived.core.time.FakeScheduler;
import org.jkeepalived.ipvs.FakeIpvsTable;
import org.junit.jupiter.api.Test;

/** The whole checker subsystem in virtual time, with fake probes and the in-memory IPVS table. */
class CheckerDaemonTest {
    private static final long S = 1_000_000_000L;

    private final FakeScheduler clock = new FakeScheduler();
    private final FakeIpvsTable table = new FakeIpvsTable();
    private final Map<String, Boolean> healthy = new HashMap<>();
    private final Map<String, Integer> probes = new HashMap<>();

    private static final String CONF = """
            virtual_server 192.0.2.10 80 {
              protocol TCP
              lvs_sched rr
              lvs_method NAT
              delay_loop 5
              quorum 2
              sorry_server 203.0.113.9 80
              real_server 198.51.100.1 80 {
                TCP_CHECK { connect_timeout 3
                  retry 2
                  delay_before_retry 1
                  warmup 0 }
              }
              real_server 198.51.100.2 80 {
                TCP_CHECK { connect_timeout 3
                  retry 2
                  delay_before_retry 1
                  warmup 0 }
              }
            }
            """;

    private CheckerDaemon start(String conf) {
        KeepalivedConfig c = Configs.parse(conf);
        CheckerOptions o = CheckerOptions.defaults().withProbes((checker, vs, rs) -> done -> {
            String a = rs.address().getHostAddress();
            probes.merge(a, 1, Integer::sum);
            done.accept(healthy.getOrDefault(a, true) ? ProbeResult.ok() : ProbeResult.failed("down"));
        });
        return CheckerDaemon.start(c, o, table, clock);
    }

    private String ipvs() throws IOException {
        return IpvsView.of(table.rules());
    }

    // keepalived 2.2.7 over IPVS: a real server whose only MISC_CHECK was removed as insecure is added, never checked
    @Test
    void aRealServerWhoseInsecureMiscCheckIsRemovedStaysUpUnchecked() throws IOException {
        KeepalivedConfig c = Configs.parse("global_defs {\n enable_script_security\n script_user root\n}\n"
                + CONF.replace("TCP_CHECK { connect_timeout 3", "MISC_CHECK { misc_path /opt/open/check.sh"));
        healthy.put("198.51.100.1", false);
        healthy.put("198.51.100.2", false);
        CheckerDaemon d = CheckerDaemon.start(c, CheckerOptions.defaults().withFiles(new FakeHostFiles())
                .withProbes((checker, vs, rs) -> done -> {
                    probes.merge(rs.address().getHostAddress(), 1, Integer::sum);
                    done.accept(ProbeResult.failed("down"));
                }), table, clock);
        clock.runDue();
        clock.advance(20 * S);
        assertEquals("TCP 192.0.2.10:80 -> 198.51.100.1:80=1 198.51.100.2:80=1", ipvs());
        assertEquals(Map.of(), probes);
        d.stop(false);
    }

    @Test
    void serverDownIsRemovedWithinDelayLoopPlusRetriesAndComesBack() throws IOException {
        CheckerDaemon d = start(CONF);
        clock.runDue();
        assertEquals("TCP 192.0.2.10:80 -> 198.51.100.1:80=1 198.51.100.2:80=1", ipvs());
        clock.advance(1 * S); // first probes done at t=0, next at 5 s
        healthy.put("198.51.100.2", false);
        // next probe at 5 s fails, retries at 6 s and 7 s: down at 7 s <= delay_loop + retry * delay_before_retry
        clock.runUntil(6_900_000_000L);
        assertTrue(ipvs().contains("198.51.100.2"), ipvs());
        clock.runUntil(7 * S);
        // quorum 2 is lost with weight 1: the sorry server takes over
        assertEquals("TCP 192.0.2.10:80 -> 203.0.113.9:80=1", ipvs());
        healthy.put("198.51.100.2", true);
        clock.advance(5 * S);
        assertEquals("TCP 192.0.2.10:80 -> 198.51.100.1:80=1 198.51.100.2:80=1", ipvs());
        d.stop(false);
        clock.runDue();
        assertEquals("", ipvs());
    }

    @Test
    void stopWithKeepIpvsLeavesTheRules() throws IOException {
        CheckerDaemon d = start(CONF);
        clock.runDue();
        d.stop(true);
        assertEquals("TCP 192.0.2.10:80 -> 198.51.100.1:80=1 198.51.100.2:80=1", ipvs());
    }

    @Test
    void reloadKeepsStateOfUnchangedServersAndAddsNewOnes() throws IOException {
        CheckerDaemon d = start(CONF);
        clock.runDue();
        healthy.put("198.51.100.1", false);
        clock.advance(8 * S);
        assertEquals("TCP 192.0.2.10:80 -> 203.0.113.9:80=1", ipvs());
        table.clearOperations();
        d.reload(Configs.parse(CONF.replace("quorum 2", "quorum 1")));
        clock.runDue();
        // 198.51.100.1 stays down across the reload; with quorum 1 the pool is back without the sorry server
        assertEquals("TCP 192.0.2.10:80 -> 198.51.100.2:80=1", ipvs());
        d.stop(false);
    }

    @Test
    void virtualServerGroupExpandsToOneServicePerAddress() throws IOException {
        String conf = """
                virtual_server_group web {
                  192.0.2.10-11 80
                  fwmark 7
                }
                virtual_server group web {
                  protocol TCP
                  lvs_sched wrr
                  lvs_method DR
                  delay_loop 2
                  inhibit_on_failure
                  real_server 198.51.100.1 80 { weight 3
                    TCP_CHECK { retry 0
                      warmup 0 }
                  }
                }
                """;
        CheckerDaemon d = start(conf);
        clock.runDue();
        assertEquals("""
                TCP 192.0.2.10:80 -> 198.51.100.1:80=3
                TCP 192.0.2.11:80 -> 198.51.100.1:80=3
                FWM 7 -> 198.51.100.1:80=3""", ipvs().replaceAll("FWM [^ ]* ?7", "FWM 7"));
        healthy.put("198.51.100.1", false);
        clock.advance(2 * S);
        assertTrue(ipvs().contains("198.51.100.1:80=0"), ipvs());
        d.stop(false);
    }

    @Test
    void warmupScattersTheFirstProbes() {
        StringBuilder conf = new StringBuilder("virtual_server 192.0.2.10 80 {\nprotocol TCP\nlvs_sched rr\n"
                + "lvs_method NAT\ndelay_loop 10\n");
        for (int i = 1; i <= 50; i++) {
            conf.append("real_server 198.51.100.").append(i).append(" 80 { TCP_CHECK { } }\n");
        }
        conf.append("}\n");
        CheckerDaemon d = start(conf.toString());
        clock.advance(5 * S);
        int early = probes.values().stream().mapToInt(Integer::intValue).sum();
        assertTrue(early > 10 && early < 40, "about half the first probes within half the warmup: " + early);
        clock.advance(5 * S);
        assertEquals(50, probes.size());
        d.stop(false);
        assertTrue(InetAddress.getLoopbackAddress().isLoopbackAddress());
    }
}
