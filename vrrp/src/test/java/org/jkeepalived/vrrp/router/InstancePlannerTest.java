package org.jkeepalived.vrrp.router;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;
import org.jkeepalived.core.config.ConfigLoader;
import org.jkeepalived.core.config.HostInterfaces;
import org.jkeepalived.core.config.KeepalivedConfig;
import org.jkeepalived.core.config.LoadOptions;
import org.jkeepalived.vrrp.engine.InstanceSpec;
import org.jkeepalived.vrrp.engine.TrackedObject;
import org.jkeepalived.vrrp.packet.AuthType;
import org.junit.jupiter.api.Test;

class InstancePlannerTest {
    static KeepalivedConfig config(String text) {
        return ConfigLoader.load(text, "test.conf", Path.of("."), new LoadOptions("host", false, HostInterfaces.ANY))
                .config();
    }

    static InetAddress ip(String literal) throws java.net.UnknownHostException {
        return InetAddress.getByName(literal); // literals only: no DNS
    }

    private static InstancePlanner.Result plan(String text) {
        KeepalivedConfig c = config(text);
        return InstancePlanner.plan(c.global(), c.vrrp(), (name, v6) -> {
            if (!name.equals("eth0")) {
                return null;
            }
            return v6 ? ip("fe80::1") : ip("192.0.2.1");
        });
    }

    @Test
    void mapsAV2InstanceWithKeepalivedDefaults() throws Exception {
        InstancePlanner.Result r = plan("""
                vrrp_instance VI_1 {
                    interface eth0
                    virtual_router_id 51
                    priority 150
                    advert_int 2
                    authentication {
                        auth_type PASS
                        auth_pass secret
                    }
                    virtual_ipaddress {
                        192.0.2.100/24 dev eth0 label eth0:vip
                        192.0.2.101
                    }
                    track_interface {
                        eth1 weight -20
                    }
                }
                """);
        assertEquals(List.of(), r.problems());
        InstancePlan p = r.plans().get(0);
        InstanceSpec s = p.spec();
        assertEquals("VI_1", s.name());
        assertEquals("eth0", s.interfaceName());
        assertEquals(2, s.version());
        assertEquals(51, s.vrid());
        assertEquals(150, s.priority());
        assertEquals(2_000_000, s.advertIntervalMicros());
        assertEquals(ip("192.0.2.1"), s.primaryAddress());
        assertEquals(AuthType.PASS, s.authType());
        assertEquals(2, s.virtualAddresses().size());
        assertEquals(24, s.virtualAddresses().get(0).prefixLength());
        assertEquals(32, s.virtualAddresses().get(1).prefixLength());
        assertTrue(s.preempt());
        assertEquals(5, s.garp().masterRepeat());
        assertEquals(List.of(TrackedObject.trackInterface("eth0", 0),
                new TrackedObject(TrackedObject.Kind.INTERFACE, "eth1", -20, false)), s.tracked());
        assertEquals(2, p.expectations().advertInterval());
        assertEquals("secret", p.expectations().password());
        assertEquals(List.of(ip("192.0.2.100"), ip("192.0.2.101")), p.expectations().virtualAddresses());
        assertTrue(p.multicast());
        assertNull(p.vmacName());
    }

    @Test
    void unicastSourceOverridesTheInterfaceAddressAndPeersMakeItUnicast() throws Exception {
        InstancePlanner.Result r = plan("""
                vrrp_instance VI_2 {
                    interface eth0
                    virtual_router_id 52
                    unicast_src_ip 192.0.2.7
                    unicast_peer {
                        192.0.2.8
                    }
                    nopreempt
                    virtual_ipaddress {
                        192.0.2.102
                    }
                }
                """);
        InstancePlan p = r.plans().get(0);
        assertEquals(ip("192.0.2.7"), p.spec().primaryAddress());
        assertEquals(List.of(ip("192.0.2.8")), p.spec().unicastPeers());
        assertFalse(p.multicast());
        assertFalse(p.spec().preempt());
    }

    @Test
    void ipv6InstanceUsesTheLinkLocalAndVersion3() throws Exception {
        InstancePlanner.Result r = plan("""
                vrrp_instance VI_6 {
                    interface eth0
                    virtual_router_id 60
                    advert_int 0.5
                    use_vmac
                    virtual_ipaddress {
                        2001:db8::100/64
                    }
                }
                """);
        InstancePlan p = r.plans().get(0);
        assertEquals(3, p.spec().version());
        assertEquals(ip("fe80::1"), p.spec().primaryAddress());
        assertEquals(500_000, p.spec().advertIntervalMicros());
        assertEquals(50, p.expectations().advertInterval());
        assertEquals("vrrp.60", p.vmacName());
        assertEquals("vrrp.60", p.interfaceName());
        assertEquals("eth0", p.baseInterface());
    }

    @Test
    void instanceWithoutAnAddressIsLeftOutWithAReason() {
        InstancePlanner.Result r = plan("""
                vrrp_instance VI_3 {
                    interface eth9
                    virtual_router_id 53
                    virtual_ipaddress {
                        192.0.2.103
                    }
                }
                """);
        assertEquals(List.of(), r.plans());
        assertEquals(List.of("(VI_3) Cannot find an IP address to use for interface eth9"), r.problems());
    }

    @Test
    void syncGroupTrackingHasWeightZeroUnlessAsked() throws Exception {
        InstancePlanner.Result r = plan("""
                vrrp_sync_group G1 {
                    group {
                        VI_1
                    }
                    track_interface {
                        eth2 weight 10
                    }
                }
                vrrp_instance VI_1 {
                    interface eth0
                    virtual_router_id 51
                    dont_track_primary
                    virtual_ipaddress {
                        192.0.2.100
                    }
                }
                """);
        assertEquals(List.of(TrackedObject.trackInterface("eth2", 0)), r.plans().get(0).spec().tracked());
    }

    @Test
    void advertIntervalIsRoundedToWhatTheWireCarries() {
        assertEquals(1_000_000, InstancePlanner.advertIntervalMicros(java.time.Duration.ofMillis(300), 2));
        assertEquals(10_000, InstancePlanner.advertIntervalMicros(java.time.Duration.ofMillis(1), 3));
        assertEquals(40_950_000, InstancePlanner.advertIntervalMicros(java.time.Duration.ofSeconds(60), 3));
    }
}
