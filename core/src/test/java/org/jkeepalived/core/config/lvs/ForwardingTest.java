package org.jkeepalived.core.config.lvs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.OptionalInt;
import org.jkeepalived.core.config.Severity;
import org.jkeepalived.core.config.lvs.Forwarding.Method;
import org.jkeepalived.core.config.lvs.Forwarding.TunnelChecksum;
import org.jkeepalived.core.config.lvs.Forwarding.TunnelType;
import org.junit.jupiter.api.Test;

class ForwardingTest {
    private static Forwarding of(String method) {
        return Lvs.clean("virtual_server 192.0.2.1 80 {\n lvs_sched rr\n protocol TCP\n lvs_method " + method
                + "\n real_server 10.0.0.1 80 {\n }\n}\n").virtualServers().get(0).forwarding();
    }

    private static Lvs bad(String method) {
        return Lvs.read("virtual_server 192.0.2.1 80 {\n lvs_sched rr\n protocol TCP\n lvs_method " + method
                + "\n real_server 10.0.0.1 80 {\n }\n}\n");
    }

    @Test
    void tunnelForms() {
        assertEquals(Forwarding.of(Method.TUN), of("TUN"));
        assertEquals(Forwarding.of(Method.TUN), of("TUN type ipip"));
        assertEquals(new Forwarding(Method.TUN, TunnelType.GUE, OptionalInt.of(6080), TunnelChecksum.REMCSUM),
                of("TUN type gue port 6080 remcsum"));
        assertEquals(new Forwarding(Method.TUN, TunnelType.GRE, OptionalInt.empty(), TunnelChecksum.CSUM),
                of("TUN type gre csum"));
        assertEquals(Forwarding.of(Method.DR), of("DR"));
    }

    // keepalived: "gue tunnels require port, otherwise cannot have port." / "ipip tunnels do not support checksum
    // option." / "Unknown tunnel type …" / "Invalid gue tunnel port …"
    @Test
    void badTunnelOptions() {
        bad("TUN type gue").only(Severity.ERROR, 4, "lvs_method", "gue tunnels require a port");
        bad("TUN type ipip csum").only(Severity.ERROR, 4, "lvs_method", "ipip");
        bad("TUN type gre remcsum").only(Severity.ERROR, 4, "lvs_method", "remcsum");
        bad("TUN type vxlan").only(Severity.ERROR, 4, "lvs_method", "vxlan");
        bad("TUN type gue port 0").only(Severity.ERROR, 4, "lvs_method", "0");
        bad("TUN type").only(Severity.ERROR, 4, "lvs_method", "missing tunnel type");
        bad("TUN type gre foo").only(Severity.ERROR, 4, "lvs_method", "foo");
    }
}
