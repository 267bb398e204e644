package org.jkeepalived.netlink;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class MacAddressTest {
    @Test
    void vrrpVirtualMacsFollowRfc5798() {
        assertEquals("00:00:5e:00:01:33", MacAddress.vrrp(51, false).toString());
        assertEquals("00:00:5e:00:02:ff", MacAddress.vrrp(255, true).toString());
        assertThrows(IllegalArgumentException.class, () -> MacAddress.vrrp(0, false));
    }

    @Test
    void parsesAndComparesByValue() {
        assertEquals(MacAddress.vrrp(1, false), MacAddress.parse("00:00:5E:00:01:01"));
        assertThrows(IllegalArgumentException.class, () -> MacAddress.parse("00:00:5e"));
        byte[] raw = {1, 2, 3, 4, 5, 6};
        MacAddress m = new MacAddress(raw);
        raw[0] = 9;
        assertEquals("01:02:03:04:05:06", m.toString(), "defensive copy");
    }
}
