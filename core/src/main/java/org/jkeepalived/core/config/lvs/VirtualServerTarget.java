package org.jkeepalived.core.config.lvs;

import java.net.InetAddress;
import java.util.Objects;

/** What a {@code virtual_server} line names: an address and port, a firewall mark, or a group. */
public sealed interface VirtualServerTarget permits VirtualServerTarget.Address, VirtualServerTarget.Fwmark,
        VirtualServerTarget.Group {

    /** {@code virtual_server IP [PORT]}; port 0 when omitted (only valid for persistent services). */
    record Address(InetAddress address, int port) implements VirtualServerTarget {
        public Address {
            Objects.requireNonNull(address, "address");
        }

        @Override
        public String toString() {
            return LvsArguments.format(address, 0) + ":" + port;
        }
    }

    /** {@code virtual_server fwmark N}. */
    record Fwmark(long mark) implements VirtualServerTarget {
        @Override
        public String toString() {
            return "FWM " + mark;
        }
    }

    /** {@code virtual_server group NAME}, naming a virtual_server_group. */
    record Group(String name) implements VirtualServerTarget {
        public Group {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public String toString() {
            return "group " + name;
        }
    }
}
