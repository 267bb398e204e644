package org.jkeepalived.ipvs;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.jkeepalived.core.config.lvs.Forwarding;
import org.jkeepalived.core.config.lvs.Protocol;

/** Test helpers: short ways to write services and destinations. */
final class Rules {
    private Rules() {
    }

    static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal); // literals only: no DNS lookup happens
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static ServiceKey tcp(String address, int port) {
        return new ServiceKey.Inet(Protocol.TCP, ip(address), port);
    }

    static Destination nat(String address, int port, int weight) {
        return Destination.of(ip(address), port, Forwarding.Method.NAT, weight);
    }

    static VirtualService vs(ServiceKey key, String scheduler, Destination... ds) {
        return new VirtualService(Service.of(key, scheduler), List.of(ds));
    }

    static IpvsRules rules(VirtualService... services) {
        return IpvsRules.of(List.of(services));
    }
}
