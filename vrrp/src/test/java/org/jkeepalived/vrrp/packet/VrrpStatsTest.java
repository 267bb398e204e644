package org.jkeepalived.vrrp.packet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** {@link VrrpStats#reset}: keepalived's STATS_CLEAR sets every counter of the stats file back to zero. */
class VrrpStatsTest {
    @Test
    void resetClearsEveryCounter() {
        VrrpStats s = new VrrpStats();
        String zero = s.formatStatsFile("VI_1");
        s.advertReceived();
        s.advertSent(0);
        s.advertSent(100);
        s.becameMaster();
        s.releasedMaster();
        s.addressListError();
        s.priorityZeroReceived();
        for (DropReason r : DropReason.values()) {
            s.drop(r);
        }
        s.reset();
        assertEquals(zero, s.formatStatsFile("VI_1"));
        assertEquals(0, s.droppedTotal());
        s.advertReceived();
        assertEquals(1, s.advertRcvd(), "counting goes on after a reset");
    }
}
