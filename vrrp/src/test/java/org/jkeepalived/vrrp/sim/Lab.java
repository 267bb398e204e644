package org.jkeepalived.vrrp.sim;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.jkeepalived.core.time.FakeScheduler;
import org.jkeepalived.vrrp.engine.InstanceSpec;

/** Shorthand for building simulated LANs in tests: addresses in 192.0.2.0/24, VIPs in 198.51.100.0/24. */
final class Lab {
    final FakeScheduler scheduler = new FakeScheduler();
    final SimLan lan;

    Lab(long seed) {
        lan = new SimLan(scheduler, seed);
    }

    static InetAddress ip(int last) {
        return literal(192, 0, 2, last);
    }

    static InetAddress vip(int vrid) {
        return literal(198, 51, 100, vrid);
    }

    static InetAddress literal(int a, int b, int c, int d) {
        try {
            return InetAddress.getByAddress(new byte[] {(byte) a, (byte) b, (byte) c, (byte) d});
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    /** An instance spec for router {@code last} on {@code vrid}, with one VIP. */
    static InstanceSpec.Builder spec(int vrid, int last) {
        return InstanceSpec.builder("VI_" + vrid, vrid, ip(last)).virtualAddress(vip(vrid));
    }

    SimRouter router(int last, InstanceSpec.Builder... specs) {
        SimRouter r = lan.addRouter("R" + last, ip(last));
        for (InstanceSpec.Builder b : specs) {
            r.addInstance(b.build());
        }
        return r;
    }

    void runUntilMicros(long micros) {
        scheduler.runUntil(micros * 1000);
    }

    long nowMicros() {
        return scheduler.nanoTime() / 1000;
    }

    /** The single live MASTER for the VRID, or null when there is none or more than one. */
    SimRouter master(int vrid) {
        SimRouter found = null;
        for (SimRouter r : lan.routers()) {
            if (r.master(vrid)) {
                if (found != null) {
                    return null;
                }
                found = r;
            }
        }
        return found;
    }

    int masterCount(int vrid) {
        int n = 0;
        for (SimRouter r : lan.routers()) {
            if (r.master(vrid)) {
                n++;
            }
        }
        return n;
    }
}
