package org.jkeepalived.core.config.lvs.check;

import java.util.List;
import java.util.Objects;
import org.jkeepalived.core.config.SourceLocation;

/**
 * {@code SMTP_CHECK}: connects, reads the greeting and sends {@code HELO helo_name} (default
 * {@value #DEFAULT_HELO_NAME}). Each deprecated {@code host { … }} sub-block is another destination with its own
 * connection options; keepalived turns each into a further checker.
 */
public record SmtpCheck(CheckerCommon common, String heloName, List<CheckerCommon> hosts, SourceLocation location)
        implements Checker {
    public static final String DEFAULT_HELO_NAME = "smtpchecker.keepalived.org";

    public SmtpCheck {
        Objects.requireNonNull(common, "common");
        Objects.requireNonNull(heloName, "heloName");
        hosts = List.copyOf(hosts);
        Objects.requireNonNull(location, "location");
    }

    @Override
    public String kind() {
        return "SMTP_CHECK";
    }
}
