package org.jkeepalived.core.config.lvs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import org.jkeepalived.core.config.ScriptCommand;
import org.jkeepalived.core.config.Severity;
import org.junit.jupiter.api.Test;

class VirtualServerTest {
    private static final String RS = " real_server 10.0.0.1 80 {\n }\n";

    @Test
    void defaultsOfAMinimalVirtualServer() {
        VirtualServer v = Lvs.clean(Lvs.wrap(RS)).virtualServers().get(0);
        assertEquals(new VirtualServerTarget.Address(Lvs.addr("192.0.2.1"), 80), v.target());
        assertEquals(Protocol.TCP, v.protocol());
        assertEquals("rr", v.scheduler());
        assertEquals(Set.of(), v.flags());
        assertEquals(Forwarding.NAT, v.forwarding());
        assertEquals(Optional.empty(), v.persistenceTimeout());
        assertEquals(Optional.of(IpFamily.INET), v.family());
        assertEquals(1, v.quorum());
        assertEquals(0, v.hysteresis());
        assertFalse(v.alpha());
        assertFalse(v.omega());
        assertFalse(v.haSuspend());
        assertFalse(v.inhibitOnFailure());
        assertEquals(CheckDefaults.NONE, v.checkDefaults());
        assertEquals(Optional.empty(), v.sorryServer());
        assertEquals(1, v.realServers().size());
        assertEquals(1, v.location().line());
    }

    @Test
    void everyKeyword() {
        VirtualServer v = Lvs.clean("""
                virtual_server 192.0.2.1 53 {
                  lvs_sched sh
                  sh-port
                  sh-fallback
                  flag-1
                  flag-2
                  flag-3
                  ops
                  lvs_method DR
                  protocol udp
                  persistence_timeout 600
                  persistence_granularity 255.255.255.0
                  persistence_engine sip
                  ha_suspend
                  smtp_alert no
                  virtualhost www.example.com
                  snmp_name web
                  alpha
                  omega
                  quorum 2
                  hysteresis 1
                  quorum_up "/bin/up arg" root wheel
                  quorum_down /bin/down
                  ip_family inet
                  inhibit_on_failure
                  connect_timeout 3
                  retry 4
                  delay_before_retry 2.5
                  warmup 0
                  delay_loop 10
                  weight 7
                  sorry_server 10.0.0.9 53
                  sorry_server_inhibit
                  sorry_server_lvs_method TUN
                  real_server 10.0.0.1 53 {
                    weight 2
                  }
                }
                """).virtualServers().get(0);
        assertEquals("sh", v.scheduler());
        assertEquals(Set.of(SchedulerFlag.SH_PORT, SchedulerFlag.SH_FALLBACK, SchedulerFlag.FLAG_1,
                SchedulerFlag.FLAG_2, SchedulerFlag.FLAG_3, SchedulerFlag.OPS), v.flags());
        assertEquals(Forwarding.Method.DR, v.forwarding().method());
        assertEquals(Protocol.UDP, v.protocol());
        assertEquals(Optional.of(Duration.ofSeconds(600)), v.persistenceTimeout());
        assertEquals(OptionalInt.of(24), v.persistenceGranularity());
        assertEquals(Optional.of("sip"), v.persistenceEngine());
        assertTrue(v.haSuspend());
        assertEquals(Optional.of(false), v.smtpAlert());
        assertEquals(Optional.of("www.example.com"), v.virtualhost());
        assertEquals(Optional.of("web"), v.snmpName());
        assertTrue(v.alpha());
        assertTrue(v.omega());
        assertEquals(2, v.quorum());
        assertEquals(1, v.hysteresis());
        assertEquals(new ScriptCommand("/bin/up arg", Optional.of("root"), Optional.of("wheel"),
                v.quorumUp().orElseThrow().location()), v.quorumUp().orElseThrow());
        assertEquals(new ScriptCommand("/bin/down", Optional.empty(), Optional.empty(),
                v.quorumDown().orElseThrow().location()), v.quorumDown().orElseThrow());
        assertTrue(v.inhibitOnFailure());
        assertEquals(OptionalInt.of(7), v.weight());
        assertEquals(new CheckDefaults(Optional.of(Duration.ofSeconds(3)), OptionalLong.of(4),
                Optional.of(Duration.ofMillis(2500)), Optional.of(Duration.ZERO), Optional.of(Duration.ofSeconds(10)),
                Optional.of(true)), v.checkDefaults());
        SorryServer s = v.sorryServer().orElseThrow();
        assertEquals(Lvs.addr("10.0.0.9"), s.address());
        assertEquals(53, s.port());
        assertTrue(s.inhibit());
        assertEquals(Forwarding.Method.TUN, s.forwarding().method());
        assertEquals(32, s.location().line());
        assertEquals(2, v.realServers().get(0).weight());
        assertTrue(v.realServers().get(0).inhibitOnFailure(), "inherits inhibit_on_failure");
        assertEquals(Optional.of("www.example.com"), v.realServers().get(0).virtualhost());
    }

    @Test
    void synonymsLbAlgoAndLbKind() {
        VirtualServer v = Lvs.clean("virtual_server 192.0.2.1 80 {\n lb_algo wrr\n lb_kind TUN\n protocol SCTP\n"
                + RS + "}\n").virtualServers().get(0);
        assertEquals("wrr", v.scheduler());
        assertEquals(Forwarding.Method.TUN, v.forwarding().method());
        assertEquals(Protocol.SCTP, v.protocol());
    }

    @Test
    void fwmarkAndGroupForms() {
        LvsConfig c = Lvs.clean("""
                virtual_server_group G {
                  192.0.2.5 80
                }
                virtual_server fwmark 7 {
                  lvs_sched rr
                  lvs_method NAT
                  real_server 10.0.0.1 80 {
                  }
                }
                virtual_server group G {
                  lvs_sched rr
                  lvs_method NAT
                  protocol TCP
                  real_server 10.0.0.1 80 {
                  }
                }
                """);
        assertEquals(new VirtualServerTarget.Fwmark(7), c.virtualServers().get(0).target());
        assertEquals(Optional.of(IpFamily.INET), c.virtualServers().get(0).family(), "from the real server");
        assertEquals(new VirtualServerTarget.Group("G"), c.virtualServers().get(1).target());
    }

    @Test
    void persistenceTimeoutWithoutValueIs360AndGranularitySetsIt() {
        assertEquals(Optional.of(Duration.ofSeconds(360)),
                Lvs.clean(Lvs.wrap(" persistence_timeout\n" + RS)).virtualServers().get(0).persistenceTimeout());
        VirtualServer v6 = Lvs.clean("virtual_server 2001:db8::1 80 {\n lvs_sched rr\n lvs_method NAT\n protocol TCP\n"
                + " persistence_granularity 64\n real_server 2001:db8::10 80 {\n }\n}\n").virtualServers().get(0);
        assertEquals(OptionalInt.of(64), v6.persistenceGranularity());
        assertEquals(Optional.of(Duration.ofSeconds(360)), v6.persistenceTimeout());
    }

    // keepalived: "no scheduler set, setting default 'wlc'" and "no forwarding method set, setting default NAT"
    @Test
    void missingSchedulerAndMethodWarnWithTheDefaultUsed() {
        Lvs l = Lvs.read("virtual_server 192.0.2.1 80 {\n protocol TCP\n" + RS + "}\n");
        assertEquals(2, l.diagnostics.all().size());
        assertTrue(l.has(Severity.WARNING, 1, "lvs_sched").message().contains("'wlc'"));
        assertTrue(l.has(Severity.WARNING, 1, "lvs_method").message().contains("NAT"));
        assertEquals("wlc", l.config.virtualServers().get(0).scheduler());
    }

    // keepalived 2.2.7: "no protocol set - defaulting to UDP"
    @Test
    void missingProtocolWarnsAndUsesUdp() {
        Lvs l = Lvs.read("virtual_server 192.0.2.1 80 {\n lvs_sched rr\n lvs_method NAT\n" + RS + "}\n");
        l.only(Severity.WARNING, 1, "protocol", "UDP");
        assertEquals(Protocol.UDP, l.config.virtualServers().get(0).protocol());
    }

    @Test
    void protocolOnFwmarkIsIgnoredWithAWarning() {
        Lvs.read("virtual_server fwmark 1 {\n lvs_sched rr\n lvs_method NAT\n protocol TCP\n" + RS + "}\n")
                .only(Severity.WARNING, 4, "protocol", "ignored");
    }

    @Test
    void badValuesAreErrorsOnTheirLine() {
        Lvs.read(Lvs.wrap(" lvs_sched foo\n" + RS)).only(Severity.ERROR, 5, "lvs_sched", "foo");
        Lvs.read(Lvs.wrap(" lvs_method nat\n" + RS)).only(Severity.ERROR, 5, "lvs_method", "nat");
        Lvs.read(Lvs.wrap(" protocol ICMP\n" + RS)).only(Severity.ERROR, 5, "protocol", "ICMP");
        Lvs.read(Lvs.wrap(" persistence_timeout 0\n" + RS)).only(Severity.ERROR, 5, "persistence_timeout", "0");
        Lvs.read(Lvs.wrap(" persistence_granularity 255.0.255.0\n" + RS))
                .only(Severity.ERROR, 5, "persistence_granularity", "contiguous");
        Lvs.read(Lvs.wrap(" hysteresis -1\n" + RS)).only(Severity.ERROR, 5, "hysteresis", "-1");
        Lvs.read(Lvs.wrap(" weight 0\n" + RS)).only(Severity.ERROR, 5, "weight", "0");
        Lvs.read(Lvs.wrap(" retry 0\n" + RS)).only(Severity.ERROR, 5, "retry", "0");
        Lvs.read(Lvs.wrap(" delay_loop 0\n" + RS)).only(Severity.ERROR, 5, "delay_loop", "0");
        Lvs.read(Lvs.wrap(" connect_timeout 5000\n" + RS)).only(Severity.ERROR, 5, "connect_timeout", "5000");
        Lvs.read(Lvs.wrap(" ip_family inet7\n" + RS)).only(Severity.ERROR, 5, "ip_family", "inet7");
        Lvs.read(Lvs.wrap(" snmp_name a b\n" + RS)).only(Severity.ERROR, 5, "snmp_name", "one word");
    }

    // keepalived: "Virtual server specified family inet6 conflicts with server family"
    @Test
    void ipFamilyConflictingWithTheAddress() {
        Lvs.read(Lvs.wrap(" ip_family inet6\n" + RS)).only(Severity.ERROR, 5, "ip_family", "conflicts");
    }

    // keepalived: "Quorum 0 must be in [1, 4294967295]. Setting to 1."
    @Test
    void quorumZeroWarnsAndUsesOne() {
        Lvs l = Lvs.read(Lvs.wrap(" quorum 0\n" + RS));
        l.only(Severity.WARNING, 5, "quorum", "using 1");
        assertEquals(1, l.config.virtualServers().get(0).quorum());
    }

    // keepalived: "Warning - quorum 5 for ... exceeds total weight of real servers 2, reducing quorum to 2"
    // and "hysteresis 2 >= quorum 2; setting hysteresis to 1"
    @Test
    void quorumAboveTotalWeightAndHysteresisAboveQuorum() {
        Lvs l = Lvs.read(Lvs.wrap(" quorum 5\n hysteresis 2\n real_server 10.0.0.1 80 {\n weight 2\n }\n"));
        assertEquals(2, l.diagnostics.all().size(), l.diagnostics.all()::toString);
        l.has(Severity.WARNING, 1, "quorum");
        l.has(Severity.WARNING, 1, "hysteresis");
        VirtualServer v = l.config.virtualServers().get(0);
        assertEquals(2, v.quorum());
        assertEquals(1, v.hysteresis());
    }

    // keepalived: "hashed only applies to sh scheduler - ignoring" (also for mh-port / sh-port)
    @Test
    void schedulerFlagsForTheWrongSchedulerAreIgnored() {
        Lvs l = Lvs.read(Lvs.wrap(" sh-port\n mh-port\n" + RS));
        assertEquals(2, l.diagnostics.all().size());
        l.has(Severity.WARNING, 5, "sh-port");
        l.has(Severity.WARNING, 6, "mh-port");
        assertEquals(Set.of(), l.config.virtualServers().get(0).flags());
        assertEquals(Set.of(SchedulerFlag.MH_PORT, SchedulerFlag.MH_FALLBACK), Lvs.clean(
                "virtual_server 192.0.2.1 80 {\n lvs_sched mh\n mh-port\n mh-fallback\n lvs_method NAT\n protocol TCP\n"
                        + RS + "}\n").virtualServers().get(0).flags());
    }

    // keepalived: "one packet scheduling requires UDP - resetting"
    @Test
    void opsNeedsUdp() {
        Lvs l = Lvs.read(Lvs.wrap(" ops\n" + RS));
        l.only(Severity.WARNING, 5, "ops", "UDP");
        assertFalse(l.config.virtualServers().get(0).flags().contains(SchedulerFlag.OPS));
    }

    // keepalived: "cannot use ha_suspend with fwmarks - clearing ha_suspend"
    @Test
    void haSuspendWithFwmark() {
        Lvs.read("virtual_server fwmark 1 {\n lvs_sched rr\n lvs_method NAT\n ha_suspend\n" + RS + "}\n")
                .only(Severity.WARNING, 1, "ha_suspend", "fwmark");
    }

    // keepalived: "zero port only valid for persistent services - setting"
    @Test
    void zeroPortWithoutPersistence() {
        Lvs l = Lvs.read("virtual_server 192.0.2.1 0 {\n lvs_sched rr\n lvs_method NAT\n protocol TCP\n" + RS + "}\n");
        l.only(Severity.WARNING, 1, "virtual_server", "persistent");
        assertEquals(Optional.of(Duration.ofSeconds(360)), l.config.virtualServers().get(0).persistenceTimeout());
    }

    // keepalived: "Virtual server ... has no real servers - ignoring"
    @Test
    void noRealServersDropsTheVirtualServer() {
        Lvs l = Lvs.read(Lvs.wrap(""));
        l.only(Severity.ERROR, 1, "virtual_server", "no real servers");
        assertEquals(List.of(), l.config.virtualServers());
    }

    @Test
    void invalidAddressSkipsTheVirtualServer() {
        Lvs l = Lvs.read("virtual_server 192.0.2.300 80 {\n" + RS + "}\n");
        l.only(Severity.ERROR, 1, "virtual_server", "192.0.2.300");
        assertEquals(List.of(), l.config.virtualServers());
    }

    @Test
    void unknownKeywordIsAWarningNamingIt() {
        Lvs.read(Lvs.wrap(" bogus 1\n" + RS)).only(Severity.WARNING, 5, "bogus", "unknown keyword");
    }

    @Test
    void undefinedGroupAndDuplicateVirtualServer() {
        Lvs l = Lvs.read("virtual_server group NOPE {\n lvs_sched rr\n lvs_method NAT\n protocol TCP\n" + RS + "}\n"
                + Lvs.wrap(RS) + Lvs.wrap(RS));
        assertEquals(2, l.diagnostics.all().size(), l.diagnostics.all()::toString);
        assertTrue(l.has(Severity.ERROR, 1, "virtual_server").message().contains("NOPE"));
        assertTrue(l.has(Severity.ERROR, 16, "virtual_server").message().contains("t.conf:8"));
        assertEquals(1, l.config.virtualServers().size());
    }

    @Test
    void sameAddressWithAnotherProtocolIsNoDuplicate() {
        assertEquals(2, Lvs.clean(Lvs.wrap(RS) + Lvs.wrap(RS).replace("TCP", "UDP")).virtualServers().size());
    }

    @Test
    void sorryServerKeywordsBeforeTheSorryServer() {
        Lvs.read(Lvs.wrap(" sorry_server_inhibit\n" + RS)).only(Severity.ERROR, 5, "sorry_server_inhibit", "before");
        Lvs.read(Lvs.wrap(" sorry_server_lvs_method DR\n" + RS))
                .only(Severity.ERROR, 5, "sorry_server_lvs_method", "before");
    }

    // keepalived: "Address family of virtual server and sorry server ... don't match - skipping sorry server."
    @Test
    void sorryServerOfTheWrongFamily() {
        Lvs l = Lvs.read(Lvs.wrap(" sorry_server 2001:db8::9 80\n" + RS));
        l.only(Severity.ERROR, 5, "sorry_server", "family");
        assertEquals(Optional.empty(), l.config.virtualServers().get(0).sorryServer());
    }

    // keepalived: "real server ... matches sorry server, but inhibit setting differs, setting on sorry server"
    @Test
    void sorryServerEqualToARealServerWithAnotherInhibit() {
        Lvs l = Lvs.read(Lvs.wrap(" sorry_server 10.0.0.1 80\n real_server 10.0.0.1 80 {\n inhibit_on_failure\n }\n"));
        l.only(Severity.WARNING, 5, "sorry_server", "inhibit");
        assertTrue(l.config.virtualServers().get(0).sorryServer().orElseThrow().inhibit());
        Lvs.clean(Lvs.wrap(" sorry_server 10.0.0.1 80\n" + RS));
    }

    // keepalived: "WARNING - virtual server ... and sorry server ports don't match - resetting"
    @Test
    void directRoutingSorryServerPortIsReset() {
        Lvs l = Lvs.read(Lvs.wrap(" lvs_method DR\n sorry_server 10.0.0.9 81\n" + RS).replace(" lvs_method NAT\n", ""));
        l.only(Severity.WARNING, 5, "sorry_server", "using port 80");
        assertEquals(80, l.config.virtualServers().get(0).sorryServer().orElseThrow().port());
    }
}
