package org.jkeepalived.core.config.vrrp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.jkeepalived.core.config.Diagnostic;
import org.jkeepalived.core.config.Severity;
import org.junit.jupiter.api.Test;

/**
 * Each check keepalived 2.2.7 makes, with the severity jkeepalived gives it and the file:line and
 * keyword it names. The keepalived message each one mirrors (from {@code keepalived -t -l}) is in
 * the comment.
 */
class VrrpValidationTest {
    private static String instance(String name, String body) {
        return "vrrp_instance " + name + " {\n interface eth0\n" + body + "\n virtual_ipaddress {\n  10.0.0.1/24\n }\n}\n";
    }

    private static Diagnostic only(Conf c, Severity s) {
        List<Diagnostic> all = c.diagnostics.all();
        assertEquals(1, all.size(), c.diags());
        assertEquals(s, all.get(0).severity(), c.diags());
        return all.get(0);
    }

    private static void at(Diagnostic d, int line, String keyword, String text) {
        assertEquals("t.conf", d.location().file());
        assertEquals(line, d.location().line(), d.toString());
        assertEquals(keyword, d.keyword(), d.toString());
        assertTrue(d.message().contains(text), d.toString());
    }

    @Test
    void vridOutOfRange() {
        // "number '300' outside range [1, 255]" then "the virtual router id must be set"
        Conf c = Conf.of(instance("VI_1", " virtual_router_id 300"));
        assertEquals(2, c.errors().size(), c.diags());
        at(c.errors().get(0), 3, "virtual_router_id", "out of range 1..255");
        at(c.errors().get(1), 1, "vrrp_instance", "virtual router id must be set");
        assertTrue(c.vrrp.instances().isEmpty());
    }

    @Test
    void priorityOutOfRangeUsesDefault() {
        // "(VI_1) Priority not valid! must be between 1 & 255. Using default 100"
        Conf c = Conf.of(instance("VI_1", " virtual_router_id 1\n priority 0"));
        at(only(c, Severity.WARNING), 4, "priority", "using 100");
        assertEquals(100, c.instance("VI_1").priority());
    }

    @Test
    void advertIntervalV2MustBeWholeSeconds() {
        // "(A) VRRPv2 advertisement interval 0.500000s must be an integer. rounding"
        Conf c = Conf.of(instance("VI_1", " virtual_router_id 1\n advert_int 0.4"));
        at(only(c, Severity.WARNING), 4, "advert_int", "must be an integer - using 1s");
        assertEquals(Duration.ofSeconds(1), c.instance("VI_1").advertInterval());
    }

    @Test
    void advertIntervalV3Limits() {
        // "(B) VRRPv3 advertisement interval 50.00s is out of range. Must be less than 40.96s. Setting to 40.95s"
        Conf c = Conf.of(instance("VI_1", " virtual_router_id 1\n version 3\n advert_int 50"));
        at(only(c, Severity.WARNING), 5, "advert_int", "using 40.95s");
        assertEquals(Duration.ofMillis(40950), c.instance("VI_1").advertInterval());
        // "(C) VRRPv3 advertisement interval 1.234000s must be in units of 10ms - rounding"
        c = Conf.of(instance("VI_1", " virtual_router_id 1\n version 3\n advert_int 1.234"));
        at(only(c, Severity.WARNING), 5, "advert_int", "units of 10ms - using 1.23s");
        assertEquals(Duration.ofMillis(1230), c.instance("VI_1").advertInterval());
    }

    @Test
    void advertIntervalOutOfRangeIsIgnored() {
        // "number '300' outside range [0.010000, 255.000000]" ... "- ignoring"
        Conf c = Conf.of(instance("VI_1", " virtual_router_id 1\n advert_int 300"));
        at(only(c, Severity.ERROR), 4, "advert_int", "out of range");
        assertEquals(Duration.ofSeconds(1), c.instance("VI_1").advertInterval());
    }

    @Test
    void nopreemptWithStateMasterIsCleared() {
        // "(A) Warning - nopreempt will not work with initial state MASTER - clearing"
        Conf c = Conf.of(instance("VI_1", " virtual_router_id 1\n state MASTER\n priority 100\n nopreempt"));
        at(only(c, Severity.WARNING), 6, "nopreempt", "initial state MASTER");
        assertTrue(c.instance("VI_1").preempt());
    }

    @Test
    void nopreemptWithPriority255IsReset() {
        // "(B) nopreempt is incompatible with priority 255. resetting nopreempt"
        Conf c = Conf.of(instance("VI_1", " virtual_router_id 1\n priority 255\n nopreempt"));
        at(only(c, Severity.WARNING), 5, "nopreempt", "priority 255");
        assertTrue(c.instance("VI_1").preempt());
    }

    @Test
    void mixedFamilyVipIsIgnored() {
        // "(VI_1): address family must match VRRP instance [fe80::1] - ignoring"
        Conf c = Conf.of("vrrp_instance VI_1 {\n interface eth0\n virtual_router_id 1\n virtual_ipaddress {\n"
                + "  10.0.0.1\n  fe80::1\n }\n}\n");
        at(only(c, Severity.WARNING), 6, "virtual_ipaddress", "address family must match");
        assertEquals(1, c.instance("VI_1").virtualIpAddresses().size());
    }

    @Test
    void unicastPeerOfOtherFamilyIsDropped() {
        // "Configuration error: VRRP instance[D] and unicast peer address[fe80::5] MUST be of the same family"
        Conf c = Conf.of(instance("VI_1", " virtual_router_id 1\n unicast_peer {\n  10.0.0.5 min_ttl 3\n  fe80::5\n }"));
        at(only(c, Severity.ERROR), 6, "fe80::5", "same address family");
        VrrpInstance i = c.instance("VI_1");
        assertEquals(1, i.unicastPeers().size());
        assertTrue(i.checkUnicastSrc(), "a TTL bound turns on check_unicast_src");
    }

    @Test
    void ipv6InstanceUsesVersion3() {
        Conf c = Conf.of("vrrp_instance VI_6 {\n interface eth0\n virtual_router_id 1\n version 2\n"
                + " virtual_ipaddress {\n  fe80::1\n }\n}\n");
        assertEquals(List.of(), c.diagnostics.all());
        assertEquals(3, c.instance("VI_6").version());
        assertTrue(c.instance("VI_6").ipv6());
    }

    @Test
    void missingInterfacesAreErrors() {
        // "WARNING - interface eth7 for vrrp_instance VI_1 doesn't exist" ... "Non-existent interface specified"
        Conf c = Conf.of("vrrp_instance VI_1 {\n interface eth7\n virtual_router_id 1\n track_interface {\n  eth8\n }\n"
                + " virtual_ipaddress {\n  10.0.0.1 dev eth9\n }\n}\n");
        assertEquals(3, c.errors().size(), c.diags());
        at(c.errors().get(0), 2, "interface", "eth7");
        at(c.errors().get(1), 5, "track_interface", "eth8");
        at(c.errors().get(2), 8, "dev", "eth9");
    }

    @Test
    void loopbackIsRefused() {
        // "(C) cannot use a loopback interface (lo) for vrrp - ignoring"
        Conf c = Conf.of("vrrp_instance VI_1 {\n interface lo\n virtual_router_id 1\n virtual_ipaddress {\n  10.0.0.1\n }\n}\n");
        at(only(c, Severity.ERROR), 2, "interface", "loopback");
    }

    @Test
    void ownInterfaceTrackedIsIgnored() {
        // "(A) Ignoring track_interface eth0 since own interface"
        Conf c = Conf.of(instance("VI_1", " virtual_router_id 1\n track_interface {\n  eth0\n }"));
        at(only(c, Severity.WARNING), 5, "track_interface", "own interface");
        assertTrue(c.instance("VI_1").tracking().interfaces().isEmpty());
    }

    @Test
    void duplicateVridOnInterfaceAndFamily() {
        // "A and B both use VRID 10 with IPv4 on interface eth0"
        Conf c = Conf.of(instance("A", " virtual_router_id 10") + instance("B", " virtual_router_id 10"));
        at(only(c, Severity.ERROR), 8, "virtual_router_id", "A and B both use VRID 10 with IPv4 on interface eth0");
        Conf other = Conf.of(instance("A", " virtual_router_id 10") + instance("B", " virtual_router_id 10\n"
                + " mcast_dst_ip 224.0.0.19"));
        assertEquals(List.of(), other.diagnostics.all(), "another multicast group may reuse the VRID");
    }

    @Test
    void unknownTrackScriptIsIgnored() {
        // "(A) track script nosuch not found, ignoring..."
        Conf c = Conf.of(instance("VI_1", " virtual_router_id 1\n track_script {\n  nosuch\n }"));
        at(only(c, Severity.WARNING), 5, "track_script", "nosuch not found");
        assertTrue(c.instance("VI_1").tracking().scripts().isEmpty());
    }

    @Test
    void trackWeightLimits() {
        // "(A) weight for eth0 cannot be +/-254. Setting to +/-253"
        Conf c = Conf.of(instance("VI_1", " virtual_router_id 1\n track_interface {\n  eth1 weight 254\n }"));
        at(only(c, Severity.WARNING), 5, "track_interface", "using 253");
        assertEquals(253, c.instance("VI_1").tracking().interfaces().get(0).weight().getAsInt());
        c = Conf.of(instance("VI_1", " virtual_router_id 1\n track_interface {\n  eth1 weight 300\n }"));
        at(only(c, Severity.ERROR), 5, "track_interface", "must be between");
    }

    @Test
    void duplicateTrackedItem() {
        // "(A) duplicate track_script chk - ignoring"
        Conf c = Conf.of("vrrp_script chk {\n script /bin/true\n}\n" + instance("VI_1",
                " virtual_router_id 1\n track_script {\n  chk\n  chk weight 2\n }"));
        at(only(c, Severity.WARNING), 9, "track_script", "duplicate");
    }

    @Test
    void noVipIsWarned() {
        // "(D) No VIP specified; at least one is sensible"
        Conf c = Conf.of("vrrp_instance VI_1 {\n interface eth0\n virtual_router_id 1\n}\n");
        at(only(c, Severity.WARNING), 1, "vrrp_instance", "no VIP");
    }

    @Test
    void badAddressAndUnknownOption() {
        // "VRRP parsed invalid IP foo" / "Unknown configuration entry 'bogus' for ip address - ignoring"
        Conf c = Conf.of("vrrp_instance VI_1 {\n interface eth0\n virtual_router_id 1\n virtual_ipaddress {\n"
                + "  10.0.0.1/24 bogus\n  10.0.0.300\n  10.0.0.2/33\n }\n}\n");
        assertEquals(3, c.diagnostics.all().size(), c.diags());
        at(c.warnings().get(0), 5, "10.0.0.1/24", "unknown option 'bogus'");
        at(c.errors().get(0), 6, "10.0.0.300", "invalid IP address");
        at(c.warnings().get(1), 7, "10.0.0.2/33", "using 32");
        assertEquals(32, c.instance("VI_1").virtualIpAddresses().get(1).prefixLength());
    }

    @Test
    void authenticationChecks() {
        // "(B) unknown authentication type 'XX'" / "Truncating auth_pass to 8 characters"
        Conf c = Conf.of(instance("VI_1", " virtual_router_id 1\n authentication {\n  auth_type XX\n  auth_pass 123456789\n }"));
        assertEquals(2, c.diagnostics.all().size(), c.diags());
        at(c.errors().get(0), 5, "auth_type", "unknown authentication type");
        at(c.warnings().get(0), 6, "auth_pass", "'12345678'");
        c = Conf.of(instance("VI_1", " virtual_router_id 1\n authentication {\n  auth_type AH\n  auth_pass 123456789\n }"));
        assertEquals("12345678", c.instance("VI_1").authentication().orElseThrow().password());
    }

    @Test
    void preemptDelayRange() {
        // "number '2000' outside range [0.000000, 1000.000000]" / "Preempt_delay not valid!"
        Conf c = Conf.of(instance("VI_1", " virtual_router_id 1\n preempt_delay 2000"));
        at(only(c, Severity.ERROR), 4, "preempt_delay", "out of range");
    }

    @Test
    void unknownStateUsesBackup() {
        // "(VI_1) unknown state '1', defaulting to BACKUP"
        Conf c = Conf.of(instance("VI_1", " virtual_router_id 1\n state PRIMARY"));
        at(only(c, Severity.WARNING), 4, "state", "using BACKUP");
    }

    @Test
    void unknownKeywordIsWarned() {
        Conf c = Conf.of(instance("VI_1", " virtual_router_id 1\n priorty 50"));
        at(only(c, Severity.WARNING), 4, "priorty", "unknown keyword");
    }

    @Test
    void routeWithoutDevCannotBeTracked() {
        // "Warning - cannot track route 10.2.0.0/16 with no interface specified, not tracking"
        Conf c = Conf.of(instance("VI_1", " virtual_router_id 1\n virtual_routes {\n  blackhole 10.2.0.0/16\n }"));
        at(only(c, Severity.WARNING), 5, "blackhole", "cannot track route");
        assertTrue(c.instance("VI_1").virtualRoutes().get(0).noTrack());
    }

    @Test
    void strictModeDefaultsAcceptFromPriority() {
        Conf c = Conf.of("global_defs {\n vrrp_strict\n}\n" + instance("VI_1", " virtual_router_id 1"));
        VrrpInstance i = c.instance("VI_1");
        assertTrue(i.strictMode());
        assertFalse(i.accept(), "strict mode: accept only for the address owner");
        assertTrue(i.lowerPrioNoAdvert());
    }

    @Test
    void unicastWithoutInterfaceIsRejectedByKeepalived227() {
        // "(VI_1) Unknown interface!" even with unicast_src_ip and peers
        Conf c = Conf.of("vrrp_instance VI_1 {\n virtual_router_id 1\n unicast_src_ip 10.0.0.2\n unicast_peer {\n"
                + "  10.0.0.3\n }\n virtual_ipaddress {\n  10.0.0.1\n }\n}\n");
        at(only(c, Severity.ERROR), 1, "vrrp_instance", "no interface specified");
    }

    @Test
    void sourceAddressOfTheOtherFamilyIsIgnored() {
        // "Configuration error: VRRP instance[VI_1] and src address[2001:db8::1] MUST be of the same family !!!"
        Conf c = Conf.of(instance("VI_1", " virtual_router_id 1\n mcast_src_ip 2001:db8::1"));
        at(only(c, Severity.ERROR), 4, "mcast_src_ip", "same family");
        assertTrue(c.instance("VI_1").sourceAddress().isEmpty());
    }
}
