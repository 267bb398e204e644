package org.jkeepalived.core.config.lvs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.jkeepalived.core.config.Severity;
import org.jkeepalived.core.config.lvs.VirtualServerGroup.AddressRange;
import org.jkeepalived.core.config.lvs.VirtualServerGroup.Fwmark;
import org.junit.jupiter.api.Test;

class VirtualServerGroupTest {
    @Test
    void everyEntryForm() {
        VirtualServerGroup g = Lvs.clean("""
                virtual_server_group G {
                  192.0.2.1 80
                  192.0.2.1-10 80
                  192.0.2.250-192.0.3.10 443
                  192.0.2.8/29 80
                  2001:db8::1-ff 80
                  2001:db8::/126
                  fwmark 5 inet
                  fwmark 6 inet6
                }
                """).groups().get(0);
        assertEquals("G", g.name());
        assertEquals(List.of(
                new AddressRange(Lvs.addr("192.0.2.1"), Lvs.addr("192.0.2.1"), 80, at(2)),
                new AddressRange(Lvs.addr("192.0.2.1"), Lvs.addr("192.0.2.10"), 80, at(3)),
                new AddressRange(Lvs.addr("192.0.2.250"), Lvs.addr("192.0.3.10"), 443, at(4)),
                new AddressRange(Lvs.addr("192.0.2.8"), Lvs.addr("192.0.2.15"), 80, at(5)),
                new AddressRange(Lvs.addr("2001:db8::1"), Lvs.addr("2001:db8::ff"), 80, at(6)),
                new AddressRange(Lvs.addr("2001:db8::"), Lvs.addr("2001:db8::3"), 0, at(7)),
                new Fwmark(5, Optional.of(IpFamily.INET), at(8)),
                new Fwmark(6, Optional.of(IpFamily.INET6), at(9))), g.entries());
    }

    private static org.jkeepalived.core.config.SourceLocation at(int line) {
        return new org.jkeepalived.core.config.SourceLocation("t.conf", line);
    }

    // keepalived: "Address range end is not greater than address range start - 192.0.2.10-5 - skipping"
    @Test
    void badEntriesAreSkipped() {
        Lvs l = Lvs.read("virtual_server_group G {\n 192.0.2.1 80\n 192.0.2.10-5 80\n}\n");
        l.only(Severity.ERROR, 3, "192.0.2.10-5", "not greater");
        assertEquals(1, l.config.groups().get(0).entries().size());
        Lvs.read("virtual_server_group G {\n 192.0.2.1 80\n 192.0.2.1 70000\n}\n")
                .only(Severity.ERROR, 3, "192.0.2.1", "70000");
        Lvs.read("virtual_server_group G {\n 192.0.2.1 80\n fwmark -1\n}\n").only(Severity.ERROR, 3, "fwmark", "-1");
        Lvs.read("virtual_server_group G {\n 192.0.2.1 80\n fwmark 1 inet5\n}\n")
                .only(Severity.ERROR, 3, "fwmark", "inet5");
        Lvs.read("virtual_server_group G {\n 192.0.2.1 80\n 192.0.2.9/29 80\n}\n")
                .only(Severity.ERROR, 3, "192.0.2.9/29", "host bits");
    }

    // keepalived: "virtual server group EMPTY has no entries - removing"
    @Test
    void emptyGroupIsRemoved() {
        Lvs l = Lvs.read("virtual_server_group EMPTY {\n}\n");
        l.only(Severity.ERROR, 1, "virtual_server_group", "no entries");
        assertEquals(List.of(), l.config.groups());
    }

    // keepalived: "virtual server group MIX cannot have IPv4, IPv6 and fwmark without family - removing"
    @Test
    void mixedFamiliesWithABareFwmarkIsRemoved() {
        Lvs.read("virtual_server_group MIX {\n 192.0.2.1 80\n 2001:db8::1 80\n fwmark 3\n}\n")
                .only(Severity.ERROR, 1, "virtual_server_group", "IPv4 and IPv6");
        Lvs.clean("virtual_server_group MIX {\n 192.0.2.1 80\n 2001:db8::1 80\n fwmark 3 inet\n}\n");
    }

    @Test
    void addressesPrintInTheirShortForm() {
        assertEquals("2001:db8::1", LvsArguments.text(Lvs.addr("2001:db8:0:0:0:0:0:1")));
        assertEquals("::", LvsArguments.text(Lvs.addr("::")));
        assertEquals("fe80::1:0:0:2", LvsArguments.text(Lvs.addr("fe80:0:0:0:1:0:0:2")));
        assertEquals("1:0:2::", LvsArguments.text(Lvs.addr("1:0:2:0:0:0:0:0")));
        assertEquals("[2001:db8::1]:80", new VirtualServerTarget.Address(Lvs.addr("2001:db8::1"), 80).toString());
    }

    @Test
    void duplicateGroupName() {
        Lvs.read("virtual_server_group G {\n 192.0.2.1 80\n}\nvirtual_server_group G {\n 192.0.2.2 80\n}\n")
                .only(Severity.WARNING, 4, "virtual_server_group", "t.conf:1");
    }

    private static String groupServer(String entries, String method, String rsPort) {
        return "virtual_server_group G {\n" + entries + "\n}\nvirtual_server group G {\n lb_algo rr\n lb_kind " + method
                + "\n protocol TCP\n real_server 198.51.100.11 " + rsPort + " {\n  TCP_CHECK {\n  }\n }\n}\n";
    }

    @Test
    void directRoutingToAGroupNeedsTheRealServerPortOnEveryEntry() {
        // keepalived -t accepts these: the real server's port matches every entry, or is left to the entry.
        LvsConfig c = Lvs.clean(groupServer(" 192.0.2.10 80\n 192.0.2.20-25 80", "DR", "80"));
        assertEquals(80, c.virtualServers().get(0).realServers().get(0).port());
        Lvs.clean(groupServer(" 192.0.2.10 80\n 192.0.2.20-25 80", "DR", "0"));
        Lvs.clean(groupServer(" 192.0.2.10 80", "NAT", "8080"));
        // ... and rejects an entry on another port ("ports don't match").
        Lvs.read(groupServer(" 192.0.2.10 80\n 192.0.2.20-25 443", "TUN", "80"))
                .only(Severity.ERROR, 9, "real_server", "entry 192.0.2.20-192.0.2.25 port 443 and real server"
                        + " 198.51.100.11:80 ports differ");
    }

    @Test
    void aGroupOfFirewallMarksIsAFwmarkService() {
        Lvs l = Lvs.read(groupServer(" fwmark 5", "DR", "80"));
        assertEquals(2, l.diagnostics.all().size(), l.diagnostics.all().toString());
        l.has(Severity.WARNING, 7, "protocol");
        l.has(Severity.WARNING, 8, "real_server");
    }
}
