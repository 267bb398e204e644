package org.jkeepalived.core.config.global;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jkeepalived.core.config.ConfigNode;
import org.jkeepalived.core.config.Diagnostic;
import org.jkeepalived.core.config.Diagnostics;
import org.jkeepalived.core.config.Severity;
import org.jkeepalived.core.config.reader.ConfigReader;
import org.jkeepalived.core.config.reader.ReaderOptions;
import org.junit.jupiter.api.Test;

class GlobalDefsReaderTest {
    private final Diagnostics d = new Diagnostics();

    private GlobalDefs read(String text) {
        List<ConfigNode> top = ConfigReader.read(text, "g.conf", Path.of("."), new ReaderOptions("host", false), d);
        return GlobalDefsReader.read(top, d);
    }

    private void one(Severity s, int line, String keyword, String text) {
        assertEquals(1, d.all().size(), d.all().toString());
        Diagnostic x = d.all().get(0);
        assertEquals(s, x.severity(), x.toString());
        assertEquals(line, x.location().line(), x.toString());
        assertEquals(keyword, x.keyword(), x.toString());
        assertTrue(x.message().contains(text), x.toString());
    }

    @Test
    void noGlobalDefsGivesDefaults() {
        GlobalDefs g = read("vrrp_instance X {\n}\n");
        assertEquals(List.of(), d.all());
        assertEquals(GlobalDefs.DEFAULT, g);
        assertEquals("224.0.0.18", g.vrrp().mcastGroup4().getHostAddress());
        assertEquals(2, g.vrrp().version());
        assertEquals(Duration.ofSeconds(5), g.vrrp().garp().masterDelay());
        assertEquals(5, g.vrrp().garp().masterRepeat());
        assertEquals(1, g.vrrp().garp().masterRefreshRepeat());
        assertEquals(Duration.ofSeconds(30), g.notification().connectTimeout());
        assertEquals(3, g.vrrp().downTimerAdverts());
        assertEquals(Optional.empty(), g.location());
    }

    @Test
    void everyModelledKeyword() {
        GlobalDefs g = read("""
                net_namespace blue
                use_pid_dir
                instance i1
                global_defs {
                  router_id LVS_1
                  notification_email {
                    a@example.com
                    b@example.com
                  }
                  notification_email_from k@example.com
                  smtp_server 10.0.0.25 2525
                  smtp_helo_name helo
                  smtp_connect_timeout 10
                  smtp_alert true
                  smtp_alert_vrrp off
                  no_email_faults
                  vrrp_mcast_group4 224.0.0.19
                  vrrp_mcast_group6 ff02::13
                  vrrp_garp_master_delay 10
                  vrrp_garp_master_repeat 2
                  vrrp_garp_lower_prio_delay 7
                  vrrp_garp_lower_prio_repeat 3
                  vrrp_garp_master_refresh 60
                  vrrp_garp_master_refresh_repeat 2
                  vrrp_garp_interval 0.001
                  vrrp_gna_interval 0.000001
                  vrrp_garp_extra_if all 100
                  vrrp_version 3
                  vrrp_check_unicast_src
                  vrrp_skip_check_adv_addr
                  vrrp_strict
                  vrrp_lower_prio_no_advert
                  vrrp_higher_prio_send_advert true
                  vrrp_notify_priority_changes yes
                  vrrp_down_timer_adverts 4
                  vrrp_startup_delay 5.5
                  vrrp_priority -10
                  checker_priority 5
                  vrrp_no_swap
                  vrrp_cpu_affinity 0 1
                  vrrp_rt_priority 50
                  vrrp_rlimit_rtime 10000
                  vrrp_process_name kv
                  max_auto_priority
                  script_user nobody nogroup
                  enable_script_security
                  notify_fifo /run/f root
                  notify_fifo_script /bin/fifo
                  vrrp_notify_fifo /run/vf
                  lvs_notify_fifo /run/lf
                  dynamic_interfaces allow_if_changes
                  lvs_sync_daemon eth0 VI_1 id 10 maxlen 1400 port 8849 ttl 2 group 224.0.0.82
                  lvs_timeouts tcp 900 udp 30
                  lvs_flush
                  lvs_flush_onstop VS
                  startup_script /bin/up
                  startup_script_timeout 20
                  enable_snmp_vrrp
                  log_unknown_vrids
                  vmac_prefix kv
                }
                """);
        assertEquals(List.of(), d.all(), d.all().toString());
        assertEquals(Optional.of("LVS_1"), g.routerId());
        assertEquals(List.of("a@example.com", "b@example.com"), g.notification().emails());
        assertEquals(Optional.of(new SmtpServer("10.0.0.25", 2525)), g.notification().server());
        assertEquals(Duration.ofSeconds(10), g.notification().connectTimeout());
        assertEquals(Optional.of(true), g.notification().smtpAlert());
        assertEquals(Optional.of(false), g.notification().smtpAlertVrrp());
        assertEquals("224.0.0.19", g.vrrp().mcastGroup4().getHostAddress());
        GarpDefaults garp = g.vrrp().garp();
        assertEquals(Duration.ofSeconds(10), garp.masterDelay());
        assertEquals(2, garp.masterRepeat());
        assertEquals(Duration.ofSeconds(7), garp.effectiveLowerPrioDelay());
        assertEquals(3, garp.effectiveLowerPrioRepeat());
        assertEquals(Duration.ofMillis(1), garp.garpInterval());
        assertEquals(Duration.ofNanos(1000), garp.gnaInterval());
        assertEquals(Optional.of(new GarpDefaults.GarpExtraIf(true, Duration.ofSeconds(100))), garp.extraIf());
        VrrpDefaults v = g.vrrp();
        assertEquals(3, v.version());
        assertTrue(v.checkUnicastSrc() && v.skipCheckAdvAddr() && v.strict() && v.lowerPrioNoAdvert()
                && v.higherPrioSendAdvert() && v.notifyPriorityChanges() && v.logUnknownVrids());
        assertEquals(4, v.downTimerAdverts());
        assertEquals(Duration.ofMillis(5500), v.startupDelay());
        assertEquals(-10, g.vrrpProcess().priority().getAsInt());
        assertEquals(5, g.checkerProcess().priority().getAsInt());
        assertEquals(List.of(0, 1), g.vrrpProcess().cpuAffinity());
        assertEquals(50, g.vrrpProcess().rtPriority().getAsInt());
        assertEquals(10000, g.vrrpProcess().rlimitRttime().getAsLong());
        assertEquals(99, g.maxAutoPriority().getAsInt());
        assertEquals(Optional.of("nogroup"), g.scriptGroup());
        assertTrue(g.enableScriptSecurity());
        NotifyFifo f = g.notifyFifo().orElseThrow();
        assertEquals("/run/f", f.name());
        assertEquals("/bin/fifo", f.script().orElseThrow().command());
        assertTrue(g.dynamicInterfaces() && g.allowIfChanges());
        LvsSyncDaemon s = g.lvsSyncDaemon().orElseThrow();
        assertEquals(Optional.of("VI_1"), s.instance());
        assertEquals(10, s.syncId().getAsInt());
        assertEquals(8849, s.port().getAsInt());
        assertEquals(Duration.ofSeconds(900), g.lvsTimeouts().get("tcp"));
        assertEquals(Optional.of("VS"), g.lvsFlushOnStop());
        assertEquals(Duration.ofSeconds(20), g.startupScriptTimeout());
        assertEquals("", g.otherSettings().get("enable_snmp_vrrp"));
        assertEquals("kv", g.vrrp().vmacPrefix());
        assertEquals(Optional.of("blue"), g.topLevel().netNamespace());
        assertTrue(g.topLevel().usePidDir());
        assertEquals(4, g.location().orElseThrow().line());
    }

    @Test
    void minGarpSetsOneGarpAndNoDelay() {
        GlobalDefs g = read("global_defs {\n vrrp_min_garp\n}\n");
        assertEquals(1, g.vrrp().garp().masterRepeat());
        assertEquals(Duration.ZERO, g.vrrp().garp().masterDelay());
    }

    @Test
    void versionOutOfRange() {
        // "number '1' outside range [2, 3]" / "VRRP Error: Version must be either 2 or 3"
        GlobalDefs g = read("global_defs {\n vrrp_version 4\n}\n");
        one(Severity.ERROR, 2, "vrrp_version", "out of range 2..3");
        assertEquals(2, g.vrrp().version());
    }

    @Test
    void badBooleanIsAnError() {
        // "Invalid value '1' for global smtp_alert specified"
        read("global_defs {\n smtp_alert 1\n}\n");
        one(Severity.ERROR, 2, "smtp_alert", "not a boolean");
    }

    @Test
    void garpRepeatZeroBecomesOne() {
        // "vrrp_garp_master_repeat must be greater than 0, setting to 1"
        GlobalDefs g = read("global_defs {\n vrrp_garp_master_repeat 0\n}\n");
        one(Severity.WARNING, 2, "vrrp_garp_master_repeat", "using 1");
        assertEquals(1, g.vrrp().garp().masterRepeat());
    }

    @Test
    void garpDelayRange() {
        // "number '100000' outside range [0, 4294]" / "vrrp_garp_master_delay '100000' invalid - ignoring"
        read("global_defs {\n vrrp_garp_master_delay 100000\n}\n");
        one(Severity.ERROR, 2, "vrrp_garp_master_delay", "out of range 0..4294");
    }

    @Test
    void processPriorityRange() {
        // "number '30' outside range [-20, 19]" / "Invalid vrrp process priority specified"
        read("global_defs {\n vrrp_priority 30\n}\n");
        one(Severity.ERROR, 2, "vrrp_priority", "out of range -20..19");
    }

    @Test
    void rtPriorityIsClamped() {
        // "vrrp process real-time priority 100 greater than maximum 99 - setting to maximum"
        GlobalDefs g = read("global_defs {\n vrrp_rt_priority 100\n}\n");
        one(Severity.WARNING, 2, "vrrp_rt_priority", "using 99");
        assertEquals(99, g.vrrpProcess().rtPriority().getAsInt());
    }

    @Test
    void badMulticastGroup() {
        // "Can't parse vrrp_mcast_group4 [1]. Skipping"
        read("global_defs {\n vrrp_mcast_group4 10.0.0.1\n}\n");
        one(Severity.ERROR, 2, "vrrp_mcast_group4", "not an IPv4 multicast address");
    }

    @Test
    void unknownKeywordIsWarned() {
        // "(Line 3) Unknown keyword 'foo_bar'"
        read("global_defs {\n router_id X\n foo_bar 1\n}\n");
        one(Severity.WARNING, 3, "foo_bar", "unknown keyword");
    }

    @Test
    void iptablesIsNotInTheReferenceBuild() {
        // "iptables not supported, using nftables instead. Please replace 'vrrp_iptables and 'vrrp_ipsets' with
        // 'nftables' config option"; vrrp_ipsets: "Unknown keyword 'vrrp_ipsets'"
        GlobalDefs g = read("global_defs {\n vrrp_iptables\n}\n");
        one(Severity.WARNING, 2, "vrrp_iptables", "using nftables instead");
        assertEquals(Nftables.DEFAULT, g.nftables());
    }

    @Test
    void nftablesSettings() {
        GlobalDefs g = read("global_defs {\n nftables mytable\n nftables_priority -5\n nftables_counters\n"
                + " nftables_ifindex\n}\n");
        assertEquals(new Nftables("mytable", -5, true, true), g.nftables());
        assertEquals(Nftables.DEFAULT, read("global_defs {\n nftables\n}\n").nftables());
    }

    @Test
    void nftablesTwiceKeepsTheFirst() {
        // "nftables already specified - ignoring"
        GlobalDefs g = read("global_defs {\n nftables one\n nftables two\n}\n");
        one(Severity.WARNING, 3, "nftables", "already specified");
        assertEquals("one", g.nftables().table());
    }

    @Test
    void badNftablesPriority() {
        read("global_defs {\n nftables_priority low\n}\n");
        one(Severity.ERROR, 2, "nftables_priority", "");
    }

    @Test
    void ipsetsIsAnUnknownKeyword() {
        read("global_defs {\n vrrp_ipsets\n}\n");
        one(Severity.WARNING, 2, "vrrp_ipsets", "unknown keyword");
    }

    @Test
    void smtpServerPortRangeAndHostNameKept() {
        // "number '70000' outside range [1, 65535]" / "Invalid smtp server 10.0.0.1 70000"
        GlobalDefs g = read("global_defs {\n smtp_server 10.0.0.1 70000\n}\n");
        one(Severity.ERROR, 2, "smtp_server", "out of range 1..65535");
        assertEquals(Optional.empty(), g.notification().server());
        assertEquals(Optional.of(new SmtpServer("mail.example.com", 25)),
                read("global_defs {\n smtp_server mail.example.com\n}\n").notification().server());
    }

    @Test
    void lvsSyncDaemonBadIdKeepsTheRest() {
        // "number '300' outside range [0, 255]" / "Invalid syncid (300) - defaulting to vrid"
        GlobalDefs g = read("global_defs {\n lvs_sync_daemon eth0 inst VI_1 id 300\n}\n");
        assertEquals(2, d.all().size(), d.all().toString());
        assertEquals(Optional.of("VI_1"), g.lvsSyncDaemon().orElseThrow().instance());
        assertTrue(g.lvsSyncDaemon().orElseThrow().syncId().isEmpty());
    }
}
