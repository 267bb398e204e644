package org.jkeepalived.core.config.vrrp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jkeepalived.core.config.Diagnostic;
import org.junit.jupiter.api.Test;

class VrrpInstanceReaderTest {
    private static String instance(String body) {
        return "vrrp_instance VI_1 {\n interface eth0\n virtual_router_id 51\n" + body
                + "\n virtual_ipaddress {\n  10.0.0.1/24\n }\n}\n";
    }

    private static void assertOne(List<Diagnostic> ds, int line, String keyword, String text) {
        assertEquals(1, ds.size(), ds.toString());
        Diagnostic d = ds.get(0);
        assertEquals(line, d.location().line(), d.toString());
        assertEquals(keyword, d.keyword(), d.toString());
        assertTrue(d.message().contains(text), d.toString());
    }

    @Test
    void defaults() {
        Conf c = Conf.of(instance(""));
        VrrpInstance i = c.instance("VI_1");
        assertEquals(List.of(), c.diagnostics.all());
        assertEquals(VrrpState.BACKUP, i.initialState());
        assertEquals(100, i.priority());
        assertEquals(Duration.ofSeconds(1), i.advertInterval());
        assertEquals(2, i.version());
        assertTrue(i.preempt());
        assertTrue(i.accept());
        assertEquals(Duration.ZERO, i.preemptDelay());
        assertEquals(Duration.ofSeconds(5), i.garp().masterDelay());
        assertEquals(5, i.garp().masterRepeat());
        assertEquals(3, i.downTimerAdverts());
        assertFalse(i.ipv6());
        assertEquals(1, i.location().line());
        assertEquals("10.0.0.1/24", i.virtualIpAddresses().get(0).cidr());
    }

    @Test
    void everyScalarKeyword() {
        Conf c = Conf.of("""
                vrrp_instance VI_1 {
                  state BACKUP
                  interface eth0
                  vrf eth2
                  use_vmac vrrp.51 00:00:5e:00:01
                  use_vmac_addr
                  vmac_xmit_base
                  dont_track_primary
                  mcast_src_ip 10.0.0.2
                  mcast_dst_ip 224.0.0.19
                  track_src_ip
                  version 3
                  check_unicast_src
                  unicast_fault_no_peer
                  old_unicast_checksum never
                  garp_master_delay 10
                  garp_master_repeat 2
                  garp_lower_prio_delay 3
                  garp_lower_prio_repeat 4
                  garp_master_refresh 60
                  garp_master_refresh_repeat 2
                  garp_extra_if all 100
                  down_timer_adverts 5
                  lower_prio_no_advert
                  higher_prio_send_advert on
                  virtual_router_id 51
                  priority 150
                  advert_int 0.5
                  promote_secondaries
                  no_accept
                  preempt_delay 2.5
                  skip_check_adv_addr off
                  strict_mode false
                  debug 2
                  notify_master "/bin/m arg" root
                  notify_backup /bin/b
                  notify_fault /bin/f
                  notify_stop /bin/s
                  notify_deleted
                  notify /bin/any user grp
                  notify_master_rx_lower_pri /bin/lower
                  notify_priority_changes true
                  smtp_alert yes
                  kernel_rx_buf_size 65536
                  virtual_ipaddress {
                    10.0.0.1/24
                  }
                }
                """);
        assertEquals(List.of(), c.diagnostics.all(), c.diags());
        VrrpInstance i = c.instance("VI_1");
        assertEquals(VrrpState.BACKUP, i.initialState());
        assertEquals(Optional.of("eth2"), i.vrf());
        assertEquals(Optional.of(new VrrpInstance.Vmac(Optional.of("vrrp.51"), Optional.of("00:00:5e:00:01"))),
                i.useVmac());
        assertTrue(i.useVmacAddr() && i.vmacXmitBase() && i.dontTrackPrimary() && i.trackSrcIp());
        assertEquals("10.0.0.2", i.sourceAddress().orElseThrow().getHostAddress());
        assertEquals("224.0.0.19", i.mcastDstIp().orElseThrow().getHostAddress());
        assertEquals(3, i.version());
        assertTrue(i.checkUnicastSrc() && i.unicastFaultNoPeer());
        assertEquals(Optional.of("never"), i.oldUnicastChecksum());
        assertEquals(Duration.ofSeconds(10), i.garp().masterDelay());
        assertEquals(2, i.garp().masterRepeat());
        assertEquals(Duration.ofSeconds(3), i.garp().effectiveLowerPrioDelay());
        assertEquals(4, i.garp().effectiveLowerPrioRepeat());
        assertEquals(Duration.ofSeconds(60), i.garp().masterRefresh());
        assertEquals(2, i.garp().masterRefreshRepeat());
        assertTrue(i.garp().extraIf().orElseThrow().all());
        assertEquals(5, i.downTimerAdverts());
        assertTrue(i.lowerPrioNoAdvert() && i.higherPrioSendAdvert());
        assertEquals(150, i.priority());
        assertEquals(Duration.ofMillis(500), i.advertInterval());
        assertTrue(i.promoteSecondaries());
        assertFalse(i.accept());
        assertEquals(Duration.ofMillis(2500), i.preemptDelay());
        assertFalse(i.skipCheckAdvAddr() || i.strictMode());
        assertEquals(2, i.debug());
        NotifyScripts n = i.notifyScripts();
        assertEquals("/bin/m arg", n.master().orElseThrow().command());
        assertEquals(Optional.of("root"), n.master().orElseThrow().user());
        assertEquals("/bin/b", n.backup().orElseThrow().command());
        assertEquals("/bin/f", n.fault().orElseThrow().command());
        assertEquals("/bin/s", n.stop().orElseThrow().command());
        assertTrue(n.notifyDeleted());
        assertEquals(Optional.of("grp"), n.any().orElseThrow().group());
        assertEquals("/bin/lower", n.masterRxLowerPri().orElseThrow().command());
        assertTrue(i.notifyPriorityChanges());
        assertEquals(Optional.of(true), i.smtpAlert());
        assertEquals(65536, i.kernelRxBufSize().getAsLong());
    }

    @Test
    void authenticationBlock() {
        Conf c = Conf.of(instance(" authentication {\n  auth_type PASS\n  auth_pass secret\n }"));
        assertEquals(List.of(), c.diagnostics.all(), c.diags());
        VrrpInstance i = c.instance("VI_1");
        assertEquals(new Authentication(Authentication.Type.PASS, "secret", i.authentication().get().location()),
                i.authentication().get());
    }

    @Test
    void synonymsLandInTheSameField() {
        Conf c = Conf.of(instance(" unicast_src_ip 10.0.0.7\n vmac_garp_intvl 30\n nopreempt\n preempt"));
        VrrpInstance i = c.instance("VI_1");
        assertEquals("10.0.0.7", i.sourceAddress().orElseThrow().getHostAddress());
        assertEquals(Duration.ofSeconds(30), i.garp().extraIf().orElseThrow().interval());
        assertTrue(i.preempt(), "preempt after nopreempt turns preemption back on");
    }

    @Test
    void virtualAddressOptions() {
        Conf c = Conf.of("""
                vrrp_instance VI_1 {
                  interface eth0
                  virtual_router_id 1
                  virtual_ipaddress {
                    10.0.0.1/24 brd 10.0.0.255 dev eth1 scope link label eth1:1 peer 10.0.0.9/24 home -nodad noprefixroute autojoin no_track preferred_lft forever use_vmac mngtmpaddr
                    10.0.0.2
                  }
                  virtual_ipaddress_excluded {
                    2001:db8::1/64 dev eth2
                  }
                }
                """);
        assertEquals(List.of(), c.diagnostics.all(), c.diags());
        VirtualIpAddress a = c.instance("VI_1").virtualIpAddresses().get(0);
        assertEquals(24, a.prefixLength());
        assertEquals(Optional.of("10.0.0.255"), a.broadcast());
        assertEquals(Optional.of("eth1"), a.dev());
        assertEquals(Optional.of("link"), a.scope());
        assertEquals(Optional.of("eth1:1"), a.label());
        assertEquals(Optional.of("10.0.0.9/24"), a.peer());
        assertTrue(a.home() && a.noDad() && a.noPrefixRoute() && a.autoJoin() && a.noTrack() && a.useVmac()
                && a.mngTmpAddr());
        assertEquals(Optional.of("forever"), a.preferredLft());
        assertEquals(32, c.instance("VI_1").virtualIpAddresses().get(1).prefixLength());
        VirtualIpAddress x = c.instance("VI_1").excludedIpAddresses().get(0);
        assertTrue(x.isIpv6());
        assertEquals(5, a.location().line());
    }

    @Test
    void routesAndRules() {
        Conf c = Conf.of("""
                vrrp_instance VI_1 {
                  interface eth0
                  virtual_router_id 1
                  virtual_ipaddress {
                    10.0.0.1
                  }
                  virtual_routes {
                    src 10.0.0.1 to 10.9.0.0/16 via 10.0.0.254 dev eth1 scope link table 100 metric 5 protocol bird mtu lock 1400 onlink
                    blackhole 10.8.0.0/16 no_track
                  }
                  virtual_rules {
                    from 10.0.0.0/8 to 10.1.0.0/16 table 100 priority 10 iif eth0 oif eth1 fwmark 3/0xff no_track
                    from all blackhole preference 20
                  }
                }
                """);
        assertEquals(List.of(), c.diagnostics.all(), c.diags());
        VirtualRoute r = c.instance("VI_1").virtualRoutes().get(0);
        assertEquals("10.9.0.0/16", r.destination());
        assertEquals("10.0.0.1", r.src().orElseThrow().getHostAddress());
        assertEquals(List.of("10.0.0.254"), r.via().stream().map(InetAddress::getHostAddress).toList());
        assertEquals(Optional.of("eth1"), r.dev());
        assertEquals(Optional.of("100"), r.table());
        assertEquals(5, r.metric().getAsLong());
        assertEquals(Optional.of("bird"), r.protocol());
        assertEquals("lock 1400", r.options().get("mtu"));
        assertTrue(r.options().containsKey("onlink"));
        VirtualRoute b = c.instance("VI_1").virtualRoutes().get(1);
        assertEquals("blackhole", b.type());
        assertTrue(b.noTrack());
        VirtualRule rule = c.instance("VI_1").virtualRules().get(0);
        assertEquals(Optional.of("10.0.0.0/8"), rule.from());
        assertEquals(Optional.of("10.1.0.0/16"), rule.to());
        assertEquals(10, rule.preference().getAsLong());
        assertEquals(Optional.of("3/0xff"), rule.fwmark());
        assertTrue(rule.noTrack());
        assertEquals("blackhole", c.instance("VI_1").virtualRules().get(1).action());
    }

    @Test
    void ruleWithoutPreferenceGetsKeepalivedsDescendingDefault() {
        Conf c = Conf.of(instance(" virtual_rules {\n  from 10.0.0.0/8 table 1\n  to 10.0.0.0/8 table 1\n }"));
        List<VirtualRule> rules = c.instance("VI_1").virtualRules();
        assertEquals(16384, rules.get(0).preference().getAsLong());
        assertEquals(16383, rules.get(1).preference().getAsLong());
        assertEquals(2, c.warnings().size());
        assertEquals(5, c.warnings().get(0).location().line());
    }

    @Test
    void trackBlocks() {
        Conf c = Conf.of("""
                vrrp_script chk {
                  script /bin/true
                }
                track_file tf {
                  file /tmp/x
                }
                vrrp_track_process tp {
                  process haproxy
                }
                vrrp_instance VI_1 {
                  interface eth0
                  virtual_router_id 1
                  track_interface {
                    eth1 weight -10
                    eth2 weight 5 reverse
                  }
                  track_script {
                    chk weight 20
                  }
                  track_file {
                    tf weight 254 noreverse
                  }
                  track_process {
                    tp
                  }
                  virtual_ipaddress {
                    10.0.0.1
                  }
                }
                """);
        assertEquals(List.of(), c.diagnostics.all(), c.diags());
        Tracking t = c.instance("VI_1").tracking();
        assertEquals(-10, t.interfaces().get(0).weight().getAsInt());
        assertTrue(t.interfaces().get(1).reverse());
        assertEquals(20, t.scripts().get(0).weight().getAsInt());
        assertEquals(254, t.files().get(0).weight().getAsInt());
        assertTrue(t.processes().get(0).weight().isEmpty());
    }
}
