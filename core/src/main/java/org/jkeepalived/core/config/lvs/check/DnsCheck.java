package org.jkeepalived.core.config.lvs.check;

import java.util.Objects;
import org.jkeepalived.core.config.SourceLocation;

/** {@code DNS_CHECK}: sends a DNS query over UDP; {@code type} defaults to SOA and {@code name} to {@code .}. */
public record DnsCheck(CheckerCommon common, String type, String name, SourceLocation location) implements Checker {
    public static final String DEFAULT_TYPE = "SOA";
    public static final String DEFAULT_NAME = ".";

    public DnsCheck {
        Objects.requireNonNull(common, "common");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(location, "location");
    }

    @Override
    public String kind() {
        return "DNS_CHECK";
    }
}
