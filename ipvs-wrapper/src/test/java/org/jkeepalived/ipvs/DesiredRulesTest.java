package org.jkeepalived.ipvs;

import static org.jkeepalived.ipvs.Rules.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import org.jkeepalived.core.config.lvs.Forwarding;
import org.jkeepalived.core.config.lvs.IpFamily;
import org.jkeepalived.core.config.lvs.Lvs;
import org.jkeepalived.core.config.lvs.LvsConfig;
import org.jkeepalived.core.config.lvs.Protocol;
import org.junit.jupiter.api.Test;

class DesiredRulesTest {

    @Test
    void addressServiceWithRealServers() {
        LvsConfig c = Lvs.clean("""
                virtual_server 192.0.2.1 80 {
                  lvs_sched sh
                  lvs_method DR
                  protocol TCP
                  persistence_timeout 600
                  persistence_granularity 255.255.255.0
                  sh-port
                  real_server 10.0.0.1 80 { weight 3
                    uthreshold 100
                    lthreshold 10 }
                  real_server 10.0.0.2 8080 { lvs_method NAT }
                }
                """);
        IpvsRules r = DesiredRules.allAlive(c);
        ServiceKey key = tcp("192.0.2.1", 80);
        Service s = new Service(key, "sh", Set.of(ServiceFlag.SCHED2), 600, 24, "");
        assertEquals(rules(new VirtualService(s, List.of(
                Destination.of(ip("10.0.0.1"), 80, Forwarding.Method.DR, 3).withThresholds(100, 10),
                nat("10.0.0.2", 8080, 1)))), r);
    }

    @Test
    void fwmarkServiceIsPortless() {
        LvsConfig c = Lvs.clean("""
                virtual_server fwmark 5 {
                  lvs_sched rr
                  lvs_method NAT
                  real_server 2001:db8::1 { }
                  real_server 2001:db8::2 { lvs_method TUN type gue port 6080 }
                }
                """);
        VirtualService v = DesiredRules.allAlive(c).services().values().iterator().next();
        assertEquals(new ServiceKey.Fwmark(IpFamily.INET6, 5), v.key());
        assertEquals(128, v.service().persistencePrefix());
        assertEquals(0, v.destinations().get(0).port());
        Destination d = v.destinations().get(1);
        assertEquals(new Forwarding(Forwarding.Method.TUN, Forwarding.TunnelType.GUE, OptionalInt.of(6080),
                Forwarding.TunnelChecksum.NONE), d.forwarding());
    }

    @Test
    void groupExpandsToOneServicePerAddressAndMark() {
        LvsConfig c = Lvs.clean("""
                virtual_server_group G {
                  192.0.2.1-3 80
                  fwmark 9
                }
                virtual_server group G {
                  lvs_sched rr
                  lvs_method NAT
                  protocol TCP
                  real_server 10.0.0.1 80 { }
                }
                """);
        IpvsRules r = DesiredRules.allAlive(c);
        assertEquals(List.of(tcp("192.0.2.1", 80), tcp("192.0.2.2", 80), tcp("192.0.2.3", 80),
                new ServiceKey.Fwmark(IpFamily.INET, 9)), List.copyOf(r.services().keySet()));
        assertEquals(4, r.destinationCount());
    }

    @Test
    void sorryServerAndOnePacketFlag() {
        LvsConfig c = Lvs.clean("""
                virtual_server 192.0.2.1 53 {
                  lvs_sched rr
                  lvs_method NAT
                  protocol UDP
                  ops
                  sorry_server 10.9.9.9 53
                  real_server 10.0.0.1 53 { }
                }
                """);
        VirtualService v = DesiredRules.allAlive(c).service(new ServiceKey.Inet(Protocol.UDP, ip("192.0.2.1"), 53));
        assertEquals(Set.of(ServiceFlag.ONE_PACKET), v.service().flags());
        assertEquals(List.of(nat("10.0.0.1", 53, 1)), v.destinations());
        assertEquals(nat("10.9.9.9", 53, 1),
                DesiredRules.destination(c.virtualServers().get(0).sorryServer().orElseThrow(), 1));
    }

    @Test
    void nocsumIsTheKernelDefaultAndNonTunnelsCarryNoTunnelDetails() {
        Forwarding tun = new Forwarding(Forwarding.Method.TUN, Forwarding.TunnelType.IPIP, OptionalInt.empty(),
                Forwarding.TunnelChecksum.NOCSUM);
        assertEquals(Forwarding.of(Forwarding.Method.TUN),
                new Destination(ip("10.0.0.1"), 0, tun, 1, 0, 0).forwarding());
        Forwarding odd = new Forwarding(Forwarding.Method.DR, Forwarding.TunnelType.GRE, OptionalInt.of(5),
                Forwarding.TunnelChecksum.CSUM);
        assertEquals(Forwarding.of(Forwarding.Method.DR), new Destination(ip("10.0.0.1"), 0, odd, 1, 0, 0).forwarding());
    }
}
