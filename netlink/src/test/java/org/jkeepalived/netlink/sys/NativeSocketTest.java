package org.jkeepalived.netlink.sys;

import static org.junit.jupiter.api.Assertions.*;

import com.sun.jna.Memory;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The errno and wake-up paths on an unprivileged UDP socket (no root, no namespace). */
class NativeSocketTest {
    @Test
    void failedCallCarriesErrnoNameCallAndSubject() throws Exception {
        try (NativeSocket s = NativeSocket.open(LibC.AF_INET, LibC.SOCK_DGRAM, 0, "test0")) {
            ErrnoException e = assertThrows(ErrnoException.class,
                    () -> s.setInt(LibC.IPPROTO_IP, 9999, 1, "OPT_9999"));
            assertEquals("setsockopt(test0, OPT_9999) failed: ENOPROTOOPT (92)", e.getMessage());
        }
    }

    @Test
    void unknownInterfaceIsENODEV() {
        ErrnoException e = assertThrows(ErrnoException.class, () -> Interfaces.indexOf("jknl-none0"));
        assertEquals(Errno.ENODEV, e.errnoConstant());
        assertEquals("if_nametoindex(jknl-none0) failed: ENODEV (19)", e.getMessage());
    }

    @Test
    void closeWakesABlockedReceiver() throws Exception {
        NativeSocket s = NativeSocket.open(LibC.AF_INET, LibC.SOCK_DGRAM, 0, "udp");
        try (Memory buf = new Memory(64)) {
            CompletableFuture<Integer> r = CompletableFuture.supplyAsync(() -> {
                try {
                    return s.receive(buf, 64, 0, null, null);
                } catch (ErrnoException e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(100);
            s.close();
            assertEquals(NativeSocket.CLOSED, r.get(2, TimeUnit.SECONDS));
            assertTrue(s.isClosed());
        }
    }

    @Test
    void receiveTimesOut() throws Exception {
        try (NativeSocket s = NativeSocket.open(LibC.AF_INET, LibC.SOCK_DGRAM, 0, "udp");
             Memory buf = new Memory(64)) {
            assertEquals(NativeSocket.TIMED_OUT, s.receive(buf, 64, 0, null, null, 20));
        }
    }

    @Test
    void controlMessagesAreFoundByLevelAndType() {
        try (Memory data = new Memory(16); MsgHdr msg = new MsgHdr(data, 16, 64)) {
            msg.prepare();
            // two cmsghdrs: (len 20, IPPROTO_IPV6, IPV6_HOPLIMIT, 255) then (len 36, IPPROTO_IPV6, IPV6_PKTINFO, ...)
            msg.control().setLong(0, 20);
            msg.control().setInt(8, LibC.IPPROTO_IPV6);
            msg.control().setInt(12, LibC.IPV6_HOPLIMIT);
            msg.control().setInt(16, 255);
            msg.control().setLong(24, 36);
            msg.control().setInt(32, LibC.IPPROTO_IPV6);
            msg.control().setInt(36, LibC.IPV6_PKTINFO);
            assertEquals(16, msg.findControl(LibC.IPPROTO_IPV6, LibC.IPV6_HOPLIMIT));
            assertEquals(40, msg.findControl(LibC.IPPROTO_IPV6, LibC.IPV6_PKTINFO));
            assertEquals(-1, msg.findControl(LibC.IPPROTO_IP, LibC.IP_PKTINFO));
        }
    }
}
