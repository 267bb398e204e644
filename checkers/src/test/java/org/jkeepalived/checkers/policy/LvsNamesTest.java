package org.jkeepalived.checkers.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LvsNamesTest {
    @Test
    void ipv6IsCompressedAsRfc5952() {
        assertEquals("2001:db8::1", LvsNames.compress("2001:db8:0:0:0:0:0:1"));
        assertEquals("::1", LvsNames.compress("0:0:0:0:0:0:0:1"));
        assertEquals("2001:0:0:1::1", LvsNames.compress("2001:0:0:1:0:0:0:1"), "the longest run of zeros");
        assertEquals("2001:db8:0:1::1", LvsNames.compress("2001:db8:0:1:0:0:0:1"));
    }

    @Test
    void serversAreNamedAsKeepalivedLogsThem() {
        var vs = Configs.parse("virtual_server 192.0.2.10 80 {\nprotocol TCP\nlvs_sched rr\nlvs_method NAT\n"
                + "real_server 198.51.100.1 8080 { TCP_CHECK { } }\n}\nvirtual_server fwmark 5 {\nlvs_sched rr\n"
                + "lvs_method DR\nreal_server 198.51.100.1 { TCP_CHECK { } }\n}\n").lvs().virtualServers();
        assertEquals("[192.0.2.10]:tcp:80", LvsNames.vs(vs.get(0)));
        assertEquals("[198.51.100.1]:tcp:8080", LvsNames.rs(vs.get(0).realServers().get(0).address(), 8080, vs.get(0)));
        assertEquals("FWM 5", LvsNames.vs(vs.get(1)));
        // keepalived 2.2.7: "Activating healthchecker for service [127.0.0.1]:none:0 for VS FWM 5"
        assertEquals("[198.51.100.1]:none:0", LvsNames.rs(vs.get(1).realServers().get(0).address(),
                vs.get(1).realServers().get(0).port(), vs.get(1)));
    }
}
