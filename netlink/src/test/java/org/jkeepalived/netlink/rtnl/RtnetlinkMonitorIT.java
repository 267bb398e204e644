package org.jkeepalived.netlink.rtnl;

import static org.jkeepalived.netlink.rtnl.AddressCodecTest.ip;
import static org.junit.jupiter.api.Assertions.*;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.jkeepalived.netlink.NetNs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The monitor socket sees link carrier changes and address changes made by ip(8) in the namespace. */
class RtnetlinkMonitorIT {
    NetNs ns;
    RtnetlinkMonitor monitor;
    final BlockingQueue<Object> events = new LinkedBlockingQueue<>();

    @BeforeEach
    void setUp() throws Exception {
        NetNs.assumeRoot();
        ns = NetNs.create();
        ns.vethPair();
        monitor = ns.call(() -> RtnetlinkMonitor.start(RtnetlinkMonitor.DEFAULT_GROUPS, new RtnetlinkMonitor.Listener() {
            @Override
            public void linkChanged(LinkEvent event) {
                events.add(event);
            }

            @Override
            public void addressChanged(AddressEvent event) {
                events.add(event);
            }
        }));
    }

    @AfterEach
    void tearDown() {
        if (monitor != null) {
            monitor.close();
        }
        if (ns != null) {
            ns.close();
        }
    }

    @SuppressWarnings("unchecked")
    <T> T await(Class<T> type, Predicate<T> match) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            Object e = events.poll(100, TimeUnit.MILLISECONDS);
            if (type.isInstance(e) && match.test((T) e)) {
                return (T) e;
            }
        }
        fail("no matching " + type.getSimpleName() + " within 5 s");
        return null;
    }

    @Test
    void peerDownClearsOnlyLowerUpAndRunning() throws Exception {
        ns.ip("link", "set", "veth1", "down");
        LinkEvent down = await(LinkEvent.class, e -> e.link().name().equals("veth0") && !e.link().isLowerUp());
        assertTrue(down.link().isUp(), "UP stays set on a veth whose peer went down");
        assertFalse(down.link().isRunning());
        assertFalse(down.link().isOperational());
        assertFalse(down.deleted());

        ns.ip("link", "set", "veth1", "up");
        LinkEvent up = await(LinkEvent.class, e -> e.link().name().equals("veth0") && e.link().isLowerUp());
        assertTrue(up.link().isOperational());
    }

    @Test
    void adminDownClearsUp() throws Exception {
        ns.ip("link", "set", "veth0", "down");
        LinkEvent down = await(LinkEvent.class, e -> e.link().name().equals("veth0") && !e.link().isUp());
        assertFalse(down.link().isOperational());
    }

    @Test
    void addressAddAndDeleteForBothFamilies() throws Exception {
        ns.ip("addr", "add", "192.0.2.7/24", "dev", "veth0");
        AddressEvent add4 = await(AddressEvent.class, e -> e.address().address().equals(ip("192.0.2.7")));
        assertFalse(add4.deleted());
        assertEquals(24, add4.address().prefixLength());
        ns.ip("addr", "del", "192.0.2.7/24", "dev", "veth0");
        assertTrue(await(AddressEvent.class, e -> e.address().address().equals(ip("192.0.2.7"))).deleted());

        ns.ip("addr", "add", "2001:db8::7/64", "dev", "veth0", "nodad");
        assertFalse(await(AddressEvent.class, e -> e.address().address().equals(ip("2001:db8::7"))).deleted());
        ns.ip("addr", "del", "2001:db8::7/64", "dev", "veth0");
        assertTrue(await(AddressEvent.class, e -> e.address().address().equals(ip("2001:db8::7"))).deleted());
    }

    @Test
    void linkDeletionIsReportedAndCloseIsPrompt() throws Exception {
        ns.ip("link", "del", "veth1");
        assertTrue(await(LinkEvent.class, e -> e.link().name().equals("veth1") && e.deleted()).deleted());
        long t0 = System.nanoTime();
        monitor.close();
        assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(1), "close wakes the blocked thread");
        monitor = null;
    }
}
