package org.jkeepalived.core.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDateTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SyslogLineTest {
    @Test
    void formatsAsSyslog3Does() {
        assertEquals("<30>Nov  1 09:05:07 Keepalived_vrrp[42]: (VI_1) Entering MASTER STATE",
                SyslogLine.format(SyslogFacility.DAEMON, SyslogLine.INFO, LocalDateTime.of(2026, 11, 1, 9, 5, 7),
                        "Keepalived_vrrp", 42, "(VI_1) Entering MASTER STATE"));
        assertEquals("<131>Nov 21 10:00:00 Keepalived[1]: x",
                SyslogLine.format(SyslogFacility.LOCAL0, SyslogLine.ERR, LocalDateTime.of(2026, 11, 21, 10, 0, 0),
                        "Keepalived", 1, "x"));
    }

    @Test
    void parsesKeepalivedFacilityNames() {
        assertEquals(Optional.of(SyslogFacility.LOCAL3), SyslogFacility.parse("3"));
        assertEquals(Optional.of(SyslogFacility.LOCAL7), SyslogFacility.parse("local7"));
        assertEquals(Optional.of(SyslogFacility.USER), SyslogFacility.parse("user"));
        assertEquals(Optional.of(SyslogFacility.DAEMON), SyslogFacility.parse("DAEMON"));
        assertEquals(Optional.empty(), SyslogFacility.parse("8"));
        assertEquals(Optional.empty(), SyslogFacility.parse("kern"));
    }
}
