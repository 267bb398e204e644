package org.jkeepalived.ipvs;

import java.net.InetAddress;
import java.util.Objects;
import org.jkeepalived.core.config.lvs.IpFamily;
import org.jkeepalived.core.config.lvs.LvsArguments;
import org.jkeepalived.core.config.lvs.Protocol;

/**
 * What identifies an IPVS virtual service in the kernel: protocol, address and port, or a firewall mark and
 * address family (the kernel's {@code ip_vs_service_user} lookup keys).
 */
public sealed interface ServiceKey permits ServiceKey.Inet, ServiceKey.Fwmark {

    /** The service's address family. */
    IpFamily family();

    /** A service by {@code protocol address:port}; port 0 only for persistent port-less services. */
    record Inet(Protocol protocol, InetAddress address, int port) implements ServiceKey {
        public Inet {
            Objects.requireNonNull(protocol, "protocol");
            Objects.requireNonNull(address, "address");
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("bad port " + port);
            }
        }

        @Override
        public IpFamily family() {
            return IpFamily.of(address);
        }

        /** ipvsadm's spelling: {@code TCP 192.0.2.1:80}, {@code UDP [2001:db8::1]:53}. */
        @Override
        public String toString() {
            return protocol + " " + LvsArguments.format(address, port);
        }
    }

    /** A service by firewall mark ({@code virtual_server fwmark N}) in one address family. */
    record Fwmark(IpFamily family, long mark) implements ServiceKey {
        public Fwmark {
            Objects.requireNonNull(family, "family");
            if (mark < 1 || mark > 0xffffffffL) {
                throw new IllegalArgumentException("bad fwmark " + mark);
            }
        }

        /** ipvsadm's spelling: {@code FWM 1}, {@code FWM 1 IPv6}. */
        @Override
        public String toString() {
            return "FWM " + mark + (family == IpFamily.INET6 ? " IPv6" : "");
        }
    }
}
