package org.jkeepalived.netlink.sys;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class ErrnoExceptionTest {
    @Test
    void messageNamesCallSubjectAndErrno() {
        ErrnoException e = new ErrnoException("sendto", "eth0", 100);
        assertEquals("sendto(eth0) failed: ENETDOWN (100)", e.getMessage());
        assertEquals(Errno.ENETDOWN, e.errnoConstant());
        assertEquals(100, e.errno());
        assertEquals("sendto", e.call());
        assertEquals("eth0", e.subject());
    }

    @Test
    void withoutSubjectAndWithUnknownErrno() {
        assertEquals("poll failed: errno (4095)", new ErrnoException("poll", null, 4095).getMessage());
        assertNull(new ErrnoException("poll", null, 4095).errnoConstant());
    }

    @Test
    void errnoTableRoundTrips() {
        for (Errno e : Errno.values()) {
            assertSame(e, Errno.fromCode(e.code()));
        }
        assertEquals("EEXIST", Errno.nameOf(17));
        assertEquals("EADDRNOTAVAIL", Errno.nameOf(99));
    }
}
