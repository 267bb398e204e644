package org.jkeepalived.vrrp.engine;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.jkeepalived.vrrp.packet.AuthType;
import org.jkeepalived.vrrp.packet.VrrpAdvert;

/** Addresses and adverts for engine tests (documentation ranges only, no DNS). */
final class Fixtures {
    static final InetAddress LOCAL = ip(192, 0, 2, 1);
    static final InetAddress PEER_LOW = ip(192, 0, 2, 0);
    static final InetAddress PEER_HIGH = ip(192, 0, 2, 2);
    static final InetAddress VIP = ip(198, 51, 100, 10);

    private Fixtures() {
    }

    static InetAddress ip(int a, int b, int c, int d) {
        try {
            return InetAddress.getByAddress(new byte[] {(byte) a, (byte) b, (byte) c, (byte) d});
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    static InstanceSpec.Builder spec() {
        return InstanceSpec.builder("VI_1", 51, LOCAL).virtualAddress(VIP);
    }

    static VrrpAdvert v2(int priority) {
        return new VrrpAdvert(2, 51, priority, 1, AuthType.NONE, new byte[8], List.of(VIP), 0);
    }

    static VrrpAdvert v3(int priority, int centiseconds) {
        return new VrrpAdvert(3, 51, priority, centiseconds, AuthType.NONE, new byte[0], List.of(VIP), 0);
    }
}
