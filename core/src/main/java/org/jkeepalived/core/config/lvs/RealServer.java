package org.jkeepalived.core.config.lvs;

import java.net.InetAddress;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jkeepalived.core.config.ScriptCommand;
import org.jkeepalived.core.config.SourceLocation;
import org.jkeepalived.core.config.lvs.check.Checker;

/**
 * A {@code real_server IP [PORT] { … }} block.
 *
 * @param port             0 when omitted (fwmark services), or the virtual server's port when keepalived reset it
 * @param weight           {@code weight}, default 1 (0..2147483647)
 * @param forwarding       {@code lvs_method} here, else the virtual server's, else NAT
 * @param uThreshold       {@code uthreshold}, maximum connections; 0 = no limit
 * @param lThreshold       {@code lthreshold}, minimum connections; 0 = none
 * @param smtpAlert        {@code smtp_alert}, empty when not written (global default applies)
 * @param virtualhost      {@code virtualhost} here, else the virtual server's
 * @param inhibitOnFailure {@code inhibit_on_failure} here, else the virtual server's
 * @param checkDefaults    checker settings written in this block (not inherited ones)
 */
public record RealServer(InetAddress address, int port, int weight, Forwarding forwarding,
                         Optional<ScriptCommand> notifyUp, Optional<ScriptCommand> notifyDown, long uThreshold,
                         long lThreshold, Optional<Boolean> smtpAlert, Optional<String> virtualhost,
                         Optional<String> snmpName, boolean inhibitOnFailure, CheckDefaults checkDefaults,
                         List<Checker> checkers, SourceLocation location) {
    public static final int DEFAULT_WEIGHT = 1;

    public RealServer {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(forwarding, "forwarding");
        Objects.requireNonNull(notifyUp, "notifyUp");
        Objects.requireNonNull(notifyDown, "notifyDown");
        Objects.requireNonNull(smtpAlert, "smtpAlert");
        Objects.requireNonNull(virtualhost, "virtualhost");
        Objects.requireNonNull(snmpName, "snmpName");
        Objects.requireNonNull(checkDefaults, "checkDefaults");
        checkers = List.copyOf(checkers);
        Objects.requireNonNull(location, "location");
    }
}
