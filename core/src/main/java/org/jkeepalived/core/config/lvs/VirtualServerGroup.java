package org.jkeepalived.core.config.lvs;

import java.net.InetAddress;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jkeepalived.core.config.SourceLocation;

/**
 * A {@code virtual_server_group NAME { … }} block: addresses, address ranges and firewall marks that share
 * one set of real servers.
 */
public record VirtualServerGroup(String name, List<Entry> entries, SourceLocation location) {
    public VirtualServerGroup {
        Objects.requireNonNull(name, "name");
        entries = List.copyOf(entries);
        Objects.requireNonNull(location, "location");
    }

    /** One line of a virtual server group. */
    public sealed interface Entry permits AddressRange, Fwmark {
        SourceLocation location();
    }

    /**
     * {@code IP [PORT]} or a range {@code IP-END [PORT]}, {@code IP-IP [PORT]}, {@code IP/nn [PORT]}: every
     * address from {@code first} to {@code last} inclusive (equal for a single address). Port 0 means none was
     * written (only valid for persistent services).
     */
    public record AddressRange(InetAddress first, InetAddress last, int port, SourceLocation location) implements Entry {
        public AddressRange {
            Objects.requireNonNull(first, "first");
            Objects.requireNonNull(last, "last");
            Objects.requireNonNull(location, "location");
        }

        public IpFamily family() {
            return IpFamily.of(first);
        }
    }

    /** {@code fwmark N [inet|inet6]}; the family is only needed when all real servers are tunnelled. */
    public record Fwmark(long mark, Optional<IpFamily> family, SourceLocation location) implements Entry {
        public Fwmark {
            Objects.requireNonNull(family, "family");
            Objects.requireNonNull(location, "location");
        }
    }
}
