package org.jkeepalived.core.config.vrrp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jkeepalived.core.config.Severity;
import org.junit.jupiter.api.Test;

class TrackersAndSyncGroupTest {
    private static String inst(String name, int vrid) {
        return "vrrp_instance " + name + " {\n interface eth0\n virtual_router_id " + vrid
                + "\n virtual_ipaddress {\n  10.0.0." + vrid + "\n }\n}\n";
    }

    @Test
    void vrrpScriptKeywordsAndDefaults() {
        Conf c = Conf.of("""
                vrrp_script full {
                  script "/bin/check arg"
                  interval 2
                  timeout 3
                  weight -20 reverse
                  rise 4
                  fall 5
                  user nobody nogroup
                  init_fail
                }
                vrrp_script plain {
                  script /bin/true
                }
                """);
        assertEquals(List.of(), c.diagnostics.all(), c.diags());
        VrrpScript s = c.vrrp.scripts().get(0);
        assertEquals(new VrrpScript("full", "/bin/check arg", Duration.ofSeconds(2), Optional.of(Duration.ofSeconds(3)),
                -20, true, 4, 5, Optional.of("nobody"), Optional.of("nogroup"), true, s.location()), s);
        assertEquals(1, s.location().line());
        VrrpScript p = c.vrrp.scripts().get(1);
        assertEquals(Duration.ofSeconds(1), p.interval());
        assertEquals(0, p.weight());
        assertEquals(1, p.rise());
        assertEquals(1, p.fall());
    }

    @Test
    void vrrpScriptChecks() {
        // "vrrp_script chk weight 300 must be in [-253, 253]" / "vrrp script interval must be greater than 0, setting to 1"
        Conf c = Conf.of("vrrp_script chk {\n script /bin/true\n weight 300\n interval 0\n}\nvrrp_script none {\n}\n");
        assertEquals(3, c.diagnostics.all().size(), c.diags());
        assertEquals(Severity.ERROR, c.diagnostics.all().get(0).severity());
        assertEquals(3, c.diagnostics.all().get(0).location().line());
        assertEquals("weight", c.diagnostics.all().get(0).keyword());
        assertEquals(Severity.WARNING, c.diagnostics.all().get(1).severity());
        assertEquals("interval", c.diagnostics.all().get(1).keyword());
        assertEquals(Duration.ofSeconds(1), c.vrrp.scripts().get(0).interval());
        assertEquals(6, c.errors().get(1).location().line(), "a script without 'script' is removed");
        assertEquals(1, c.vrrp.scripts().size());
    }

    @Test
    void trackFileAndItsOldName() {
        Conf c = Conf.of("track_file a {\n file /tmp/a\n weight -3 reverse\n init_file 7 overwrite\n}\n"
                + "vrrp_track_file b {\n file /tmp/b\n init_file\n}\n");
        assertEquals(List.of(), c.diagnostics.all(), c.diags());
        VrrpTrackFile a = c.vrrp.trackFiles().get(0);
        assertEquals(-3, a.weight());
        assertTrue(a.weightReverse());
        assertEquals(Optional.of(new VrrpTrackFile.InitFile(7, true)), a.initFile());
        VrrpTrackFile b = c.vrrp.trackFiles().get(1);
        assertEquals(1, b.weight());
        assertEquals(Optional.of(new VrrpTrackFile.InitFile(0, false)), b.initFile());
    }

    @Test
    void trackProcess() {
        Conf c = Conf.of("vrrp_track_process p {\n process haproxy -f x\n param_match partial\n weight 10\n"
                + " quorum 2\n quorum_max 3\n delay 0.5\n full_command\n}\n");
        assertEquals(List.of(), c.diagnostics.all(), c.diags());
        VrrpTrackProcess p = c.vrrp.trackProcesses().get(0);
        assertEquals(List.of("haproxy", "-f", "x"), p.process());
        assertEquals(Optional.of("partial"), p.paramMatch());
        assertEquals(2, p.quorum());
        assertEquals(3, p.quorumMax().getAsInt());
        assertEquals(Duration.ofMillis(500), p.forkDelay());
        assertEquals(Duration.ofMillis(500), p.terminateDelay());
        assertTrue(p.fullCommand());
    }

    @Test
    void syncGroupKeywords() {
        Conf c = Conf.of("vrrp_script chk {\n script /bin/true\n}\n" + inst("A", 1) + inst("B", 2) + """
                vrrp_sync_group G {
                  group {
                    A
                    B
                  }
                  track_interface {
                    eth1 weight 5
                  }
                  track_script {
                    chk
                  }
                  notify_master /m
                  notify_backup /b
                  notify_fault /f
                  notify_stop /s
                  notify /n
                  notify_priority_changes on
                  smtp_alert
                  global_tracking
                  sync_group_tracking_weight
                }
                """);
        assertEquals(List.of(), c.diagnostics.all(), c.diags());
        VrrpSyncGroup g = c.vrrp.syncGroups().get(0);
        assertEquals(List.of("A", "B"), g.members());
        assertEquals("eth1", g.tracking().interfaces().get(0).name());
        assertEquals("chk", g.tracking().scripts().get(0).name());
        assertEquals("/n", g.notifyScripts().any().orElseThrow().command());
        assertEquals("/s", g.notifyScripts().stop().orElseThrow().command());
        assertEquals(Optional.of(true), g.notifyPriorityChanges());
        assertEquals(Optional.of(true), g.smtpAlert());
        assertTrue(g.globalTracking() && g.syncGroupTrackingWeight());
    }

    @Test
    void syncGroupMembershipChecks() {
        // "Virtual router A cannot exist in more than one sync group; ignoring G2"
        // "Virtual router D specified in sync group G2 doesn't exist - ignoring"
        // "Sync group VG1 has no virtual router(s). removing"
        Conf c = Conf.of(inst("A", 1) + inst("B", 2)
                + "vrrp_sync_group G1 {\n group {\n  A\n  B\n }\n}\n"
                + "vrrp_sync_group G2 {\n group {\n  A\n  D\n }\n}\n");
        assertEquals(3, c.diagnostics.all().size(), c.diags());
        assertEquals(23, c.warnings().get(0).location().line());
        assertTrue(c.warnings().get(0).message().contains("more than one sync group"));
        assertEquals(24, c.warnings().get(1).location().line());
        assertTrue(c.warnings().get(1).message().contains("doesn't exist"));
        assertEquals(21, c.errors().get(0).location().line());
        assertEquals("vrrp_sync_group", c.errors().get(0).keyword());
        assertEquals(1, c.vrrp.syncGroups().size());
    }

    @Test
    void syncGroupMembersLoseTrackingWeights() {
        // "(A) ignoring tracked script chk with weights due to SYNC group"
        Conf c = Conf.of("vrrp_script chk {\n script /bin/true\n weight 10\n}\n"
                + "vrrp_instance A {\n interface eth0\n virtual_router_id 1\n track_script {\n  chk\n }\n"
                + " virtual_ipaddress {\n  10.0.0.1\n }\n}\n"
                + "vrrp_sync_group G {\n group {\n  A\n }\n}\n");
        // keepalived 2.2.7 also says "Sync group G has only 1 virtual router(s) - this probably isn't what you want"
        assertEquals(2, c.warnings().size(), c.diags());
        assertTrue(c.warnings().stream().anyMatch(w -> w.location().line() == 9), c.diags());
        assertTrue(c.warnings().stream().anyMatch(w -> w.location().line() == 15
                && w.message().contains("only 1 virtual router")), c.diags());
        assertEquals(0, c.instance("A").tracking().scripts().get(0).weight().getAsInt());
    }

    // keepalived 2.2.7 tracks static routes as well: "Warning - cannot track route 10.0.0.0/8 with no interface
    // specified, not tracking"
    // keepalived 2.2.7: "invalid number '1.5'" / "vrrp script interval '1.5' must be between 1 and 4294 - ignoring",
    // "number '5000' outside range [0, 4294]", "vrrp script timeout must be greater than 0, setting to 1"
    @Test
    void scriptTimersAreWholeSecondsUpTo4294() {
        Conf c = Conf.of("vrrp_script chk {\n script /bin/true\n interval 1.5\n timeout 5000\n}\n");
        assertEquals(2, c.errors().size(), c.diags());
        assertEquals(Duration.ofSeconds(1), c.vrrp.scripts().get(0).interval());
        assertEquals(Optional.empty(), c.vrrp.scripts().get(0).timeout());
        c = Conf.of("vrrp_script chk {\n script /bin/true\n interval 4294\n timeout 0\n}\n");
        assertEquals(1, c.warnings().size(), c.diags());
        assertEquals(Duration.ofSeconds(4294), c.vrrp.scripts().get(0).interval());
        assertEquals(Optional.of(Duration.ofSeconds(1)), c.vrrp.scripts().get(0).timeout());
    }

    @Test
    void staticRouteWithoutInterfaceCannotBeTracked() {
        Conf c = Conf.of("static_routes {\n 10.0.0.0/8 via 192.0.2.1\n 10.1.0.0/16 via 192.0.2.1 no_track\n}\n");
        assertEquals(1, c.warnings().size(), c.diags());
        assertEquals(2, c.warnings().get(0).location().line());
        assertTrue(c.vrrp.staticRoutes().get(0).noTrack());
    }

    @Test
    void staticBlocksAndInterfaceBlocks() {
        Conf c = Conf.of("""
                static_ipaddress {
                  192.168.1.1/24 dev eth0 scope global track_group G1
                }
                static_routes {
                  192.168.2.0/24 via 192.168.1.100 dev eth0 track_group G1
                  192.168.100.0/24 table 6909 no_track nexthop via 192.168.101.1 dev eth1 onlink weight 1 nexthop via 192.168.101.2 dev eth1
                }
                static_rules {
                  from 192.168.2.0/24 table 1 preference 5
                }
                track_group G1 {
                  group {
                    VI_1
                  }
                }
                garp_group {
                  garp_interval 0.001
                  interfaces {
                    eth0
                    eth1
                  }
                }
                linkbeat_interfaces {
                  eth0
                  eth1 ETHTOOL
                }
                interface_up_down_delays {
                  eth0 0.5 2
                  eth1 1
                }
                """);
        assertEquals(List.of(), c.diagnostics.all(), c.diags());
        assertEquals(Optional.of("G1"), c.vrrp.staticAddresses().get(0).trackGroup());
        assertEquals(2, c.vrrp.staticRoutes().get(1).nexthops().size());
        assertEquals(5, c.vrrp.staticRules().get(0).preference().getAsLong());
        assertEquals(List.of("VI_1"), c.vrrp.trackGroups().get(0).instances());
        assertEquals(List.of("eth0", "eth1"), c.vrrp.garpGroups().get(0).interfaces());
        assertEquals(Optional.of("ETHTOOL"), c.vrrp.linkbeatInterfaces().get(1).pollType());
        assertEquals(Duration.ofSeconds(2), c.vrrp.interfaceUpDownDelays().get(0).upDelay());
        assertEquals(Duration.ofSeconds(1), c.vrrp.interfaceUpDownDelays().get(1).upDelay());
    }

    @Test
    void topLevelKeywordsIncludeGlobalDefs() {
        assertTrue(VrrpConfigReader.TOP_LEVEL_KEYWORDS.contains("global_defs"));
        assertTrue(VrrpConfigReader.TOP_LEVEL_KEYWORDS.contains("vrrp_instance"));
        assertTrue(VrrpConfigReader.TOP_LEVEL_KEYWORDS.contains("vrrp_track_file"));
        Conf c = Conf.of("virtual_server 10.0.0.1 80 {\n}\n");
        assertEquals(List.of(), c.diagnostics.all(), "blocks of other readers are left alone");
    }
}
