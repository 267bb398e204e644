package org.jkeepalived.watchdog.failover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The RFC timers the failover tests measure against, and the rendered configuration. */
class VrrpConfigTest {
    private static final Node R1 = new Node("r1", null, "pr1", "192.0.2.1", "2001:db8::1", "02:00:00:00:0f:01");
    private static final Node R2 = new Node("r2", null, "pr2", "192.0.2.2", "2001:db8::2", "02:00:00:00:0f:02");

    @Test
    void vrrpV2SkewIsInSecondsWhateverTheInterval() {
        // RFC 3768 §6.1: Skew_Time = (256 - Priority) / 256 seconds.
        assertEquals(609_375, VrrpConfig.v2().skewMicros(100));
        assertEquals(3_609_375, VrrpConfig.v2().masterDownMicros(100));
        assertEquals(6_609_375, VrrpConfig.v2().withAdvertCentis(200).masterDownMicros(100));
    }

    @Test
    void vrrpV3SkewScalesWithTheInterval() {
        // RFC 5798 §6.1: Skew_Time = ((256 - Priority) * Master_Adver_Interval) / 256.
        VrrpConfig fast = VrrpConfig.v3(6).withAdvertCentis(10);
        assertEquals(60_937, fast.skewMicros(100));
        assertEquals(360_937, fast.masterDownMicros(100));
    }

    @Test
    void rendersUnicastPeersAuthAndVmac() {
        String text = VrrpConfig.v2().withPassAuth().withUnicast().withVmac().render(R1, 150, List.of(R2));
        assertTrue(text.contains("priority 150\n"), text);
        assertTrue(text.contains("unicast_src_ip 192.0.2.1\n"), text);
        assertTrue(text.contains("unicast_peer {\n    192.0.2.2\n  }"), text);
        assertTrue(text.contains("auth_type PASS"), text);
        assertTrue(text.contains("use_vmac"), text);
        assertTrue(text.contains("192.0.2.200/24"), text);
        assertFalse(text.replaceAll("(?m)^#.*$", "").contains("@"), "a placeholder is left: " + text);
    }

    @Test
    void rendersAFractionalIntervalAndAnIpv6Vip() {
        String text = VrrpConfig.v3(6).withAdvertCentis(10).render(R1, 100, List.of(R2));
        assertTrue(text.contains("advert_int 0.10\n"), text);
        assertTrue(text.contains("vrrp_version 3\n"), text);
        assertTrue(text.contains("2001:db8::200/64"), text);
    }
}
