package org.jkeepalived.core.config.lvs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.jkeepalived.core.config.ScriptCommand;
import org.jkeepalived.core.config.Severity;
import org.junit.jupiter.api.Test;

class RealServerTest {
    private static RealServer rs(String body) {
        return Lvs.clean(Lvs.wrap(" real_server 10.0.0.1 80 {\n" + body + "\n }\n")).virtualServers().get(0)
                .realServers().get(0);
    }

    @Test
    void defaults() {
        RealServer r = rs("");
        assertEquals(Lvs.addr("10.0.0.1"), r.address());
        assertEquals(80, r.port());
        assertEquals(1, r.weight());
        assertEquals(Forwarding.NAT, r.forwarding());
        assertEquals(Optional.empty(), r.notifyUp());
        assertEquals(0, r.uThreshold());
        assertEquals(0, r.lThreshold());
        assertEquals(Optional.empty(), r.smtpAlert());
        assertFalse(r.inhibitOnFailure());
        assertEquals(CheckDefaults.NONE, r.checkDefaults());
        assertEquals(List.of(), r.checkers());
        assertEquals(5, r.location().line());
    }

    @Test
    void everyKeyword() {
        RealServer r = rs("""
                weight 3
                lvs_method NAT
                notify_up "/bin/up x" nobody
                notify_down /bin/down
                uthreshold 100
                lthreshold 10
                smtp_alert
                virtualhost rs.example.com
                snmp_name rs1
                alpha
                inhibit_on_failure on
                connect_timeout 2
                retry 2
                delay_before_retry 1.5
                warmup 4
                delay_loop 8
                """);
        assertEquals(3, r.weight());
        assertEquals(new ScriptCommand("/bin/up x", Optional.of("nobody"), Optional.empty(),
                r.notifyUp().orElseThrow().location()), r.notifyUp().orElseThrow());
        assertEquals("/bin/down", r.notifyDown().orElseThrow().command());
        assertEquals(100, r.uThreshold());
        assertEquals(10, r.lThreshold());
        assertEquals(Optional.of(true), r.smtpAlert());
        assertEquals(Optional.of("rs.example.com"), r.virtualhost());
        assertEquals(Optional.of("rs1"), r.snmpName());
        assertTrue(r.inhibitOnFailure());
        assertEquals(new CheckDefaults(Optional.of(Duration.ofSeconds(2)), OptionalLong.of(2),
                Optional.of(Duration.ofMillis(1500)), Optional.of(Duration.ofSeconds(4)),
                Optional.of(Duration.ofSeconds(8)), Optional.of(true)), r.checkDefaults());
    }

    @Test
    void lbKindIsASynonymAndOverridesTheVirtualServer() {
        assertEquals(Forwarding.Method.TUN, rs("lb_kind TUN").forwarding().method());
    }

    // keepalived: "Real server weight -1 is outside range 0-2147483647"
    @Test
    void weightOutOfRange() {
        Lvs.read(Lvs.wrap(" real_server 10.0.0.1 80 {\n weight -1\n }\n")).only(Severity.ERROR, 6, "weight", "-1");
        Lvs.read(Lvs.wrap(" real_server 10.0.0.1 80 {\n weight 2147483648\n }\n"))
                .only(Severity.ERROR, 6, "weight", "2147483648");
    }

    // keepalived: "quorum 1 … exceeds total weight of real servers 0, reducing quorum to 0" and
    // "hysteresis 0 >= quorum 0; setting hysteresis to 4294967295"
    @Test
    void weightZeroLowersQuorum() {
        Lvs l = Lvs.read(Lvs.wrap(" real_server 10.0.0.1 80 {\n weight 0\n }\n"));
        assertEquals(2, l.diagnostics.all().size());
        l.has(Severity.WARNING, 1, "quorum");
        l.has(Severity.WARNING, 1, "hysteresis");
        assertEquals(0, l.config.virtualServers().get(0).quorum());
        assertEquals(0, l.config.virtualServers().get(0).hysteresis());
    }

    // keepalived: "(…) notify_up script already specified - ignoring …"
    @Test
    void secondNotifyScriptIsIgnored() {
        Lvs.read(Lvs.wrap(" real_server 10.0.0.1 80 {\n notify_up /a\n notify_up /b\n }\n"))
                .only(Severity.WARNING, 7, "notify_up", "already");
    }

    // keepalived: "VS …: real server … is duplicated - removing second rs"
    @Test
    void duplicateRealServerIsRemoved() {
        Lvs l = Lvs.read(Lvs.wrap(" real_server 10.0.0.1 80 {\n }\n real_server 10.0.0.1 80 {\n }\n"));
        l.only(Severity.ERROR, 7, "real_server", "t.conf:5");
        assertEquals(1, l.config.virtualServers().get(0).realServers().size());
    }

    // keepalived: "Address family of virtual server and real server … don't match - skipping real server."
    @Test
    void realServerOfAnotherFamily() {
        Lvs l = Lvs.read(Lvs.wrap(" real_server 10.0.0.1 80 {\n }\n real_server 2001:db8::1 80 {\n }\n"));
        l.only(Severity.ERROR, 7, "real_server", "family");
        assertEquals(1, l.config.virtualServers().get(0).realServers().size());
    }

    @Test
    void tunnelledRealServerMayBeOfAnotherFamily() {
        Lvs.clean(Lvs.wrap(" real_server 10.0.0.1 80 {\n }\n real_server 2001:db8::1 80 {\n lvs_method TUN\n }\n"));
    }

    // keepalived: "WARNING - virtual server … and real server … ports don't match - resetting"
    @Test
    void directRoutingPortMismatchIsReset() {
        Lvs l = Lvs.read(Lvs.wrap(" real_server 10.0.0.1 81 {\n lvs_method DR\n }\n"));
        l.only(Severity.WARNING, 5, "real_server", "using port 80");
        assertEquals(80, l.config.virtualServers().get(0).realServers().get(0).port());
        assertEquals(80, rs("lvs_method NAT").port());
        // No port at all under DR silently takes the virtual server's.
        assertEquals(80, Lvs.clean(Lvs.wrap(" real_server 10.0.0.1 {\n lvs_method DR\n }\n")).virtualServers().get(0)
                .realServers().get(0).port());
    }

    // keepalived -t accepts "real_server IP 0" although its port range is 1..65535: 0 means no port.
    @Test
    void explicitPortZeroIsNoPort() {
        assertEquals(0, Lvs.clean(Lvs.wrap(" real_server 10.0.0.1 0 {\n }\n")).virtualServers().get(0)
                .realServers().get(0).port());
        assertEquals(80, Lvs.clean(Lvs.wrap(" real_server 10.0.0.1 0 {\n lvs_method DR\n }\n")).virtualServers()
                .get(0).realServers().get(0).port());
    }

    // keepalived: "WARNING - fwmark virtual server FWM 2, real server … has port specified - clearing"
    @Test
    void fwmarkDirectRoutingPortIsCleared() {
        Lvs l = Lvs.read("virtual_server fwmark 2 {\n lvs_sched rr\n lvs_method DR\n real_server 10.0.0.1 80 {\n }\n}\n");
        l.only(Severity.WARNING, 4, "real_server", "cleared");
        assertEquals(0, l.config.virtualServers().get(0).realServers().get(0).port());
        Lvs.clean("virtual_server fwmark 2 {\n lvs_sched rr\n lvs_method NAT\n real_server 10.0.0.1 80 {\n }\n}\n");
    }

    @Test
    void invalidAddressSkipsTheRealServer() {
        Lvs l = Lvs.read(Lvs.wrap(" real_server 10.0.0.1 80 {\n }\n real_server 10.0.0.x 80 {\n }\n"));
        l.only(Severity.ERROR, 7, "real_server", "10.0.0.x");
    }

    // keepalived: "retry value invalid - 0", "Invalid real_server uthreshold '-1' - ignoring"
    @Test
    void retryZeroAndNegativeThreshold() {
        Lvs.read(Lvs.wrap(" real_server 10.0.0.1 80 {\n retry 0\n }\n")).only(Severity.ERROR, 6, "retry", "0");
        Lvs.read(Lvs.wrap(" real_server 10.0.0.1 80 {\n uthreshold -1\n }\n"))
                .only(Severity.ERROR, 6, "uthreshold", "-1");
    }

    @Test
    void omegaIsNotARealServerKeyword() {
        // keepalived 2.2.7: "Unknown keyword 'omega'" inside real_server
        Lvs.read(Lvs.wrap(" real_server 10.0.0.1 80 {\n omega\n }\n")).only(Severity.WARNING, 6, "omega", "unknown");
    }
}
