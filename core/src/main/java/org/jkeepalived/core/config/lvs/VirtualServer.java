package org.jkeepalived.core.config.lvs;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.jkeepalived.core.config.ScriptCommand;
import org.jkeepalived.core.config.SourceLocation;

/**
 * A {@code virtual_server} block with its real servers.
 *
 * @param protocol               {@code protocol}; keepalived 2.2.7 uses UDP when none is written (and warns)
 * @param scheduler              {@code lvs_sched}/{@code lb_algo}; default {@value #DEFAULT_SCHEDULER} (with a warning)
 * @param flags                  scheduler and service flags written as bare keywords
 * @param forwarding             {@code lvs_method}/{@code lb_kind}; default NAT (with a warning)
 * @param persistenceTimeout     {@code persistence_timeout}; 360 s when written without a value or when only
 *                               {@code persistence_granularity} is given; empty = not persistent
 * @param persistenceGranularity prefix length of {@code persistence_granularity} (an IPv4 netmask or IPv6 prefix)
 * @param persistenceEngine      {@code persistence_engine} (only {@code sip} exists)
 * @param family                 the address family keepalived settled on: the address's, else {@code ip_family},
 *                               else that of the non-tunnelled real/sorry servers; empty when undetermined
 * @param quorum                 {@code quorum}, default 1
 * @param hysteresis             {@code hysteresis}, default 0
 * @param alpha                  {@code alpha} (bare keyword here; also a checker default in {@code checkDefaults})
 * @param weight                 {@code weight}, not in the man page but accepted by keepalived 2.2.7
 * @param checkDefaults          checker settings written in this block, inherited by real servers' checkers
 */
public record VirtualServer(VirtualServerTarget target, Protocol protocol, String scheduler, Set<SchedulerFlag> flags,
                            Forwarding forwarding, Optional<Duration> persistenceTimeout,
                            OptionalInt persistenceGranularity, Optional<String> persistenceEngine,
                            Optional<IpFamily> family, boolean haSuspend, Optional<Boolean> smtpAlert,
                            Optional<String> virtualhost, Optional<String> snmpName, boolean omega, long quorum,
                            long hysteresis, Optional<ScriptCommand> quorumUp, Optional<ScriptCommand> quorumDown,
                            boolean inhibitOnFailure, OptionalInt weight, CheckDefaults checkDefaults,
                            Optional<SorryServer> sorryServer, List<RealServer> realServers, SourceLocation location) {
    public static final String DEFAULT_SCHEDULER = "wlc";
    public static final Duration DEFAULT_PERSISTENCE_TIMEOUT = Duration.ofSeconds(360);

    public VirtualServer {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(scheduler, "scheduler");
        flags = Set.copyOf(flags);
        Objects.requireNonNull(forwarding, "forwarding");
        Objects.requireNonNull(persistenceTimeout, "persistenceTimeout");
        Objects.requireNonNull(persistenceGranularity, "persistenceGranularity");
        Objects.requireNonNull(persistenceEngine, "persistenceEngine");
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(smtpAlert, "smtpAlert");
        Objects.requireNonNull(virtualhost, "virtualhost");
        Objects.requireNonNull(snmpName, "snmpName");
        Objects.requireNonNull(quorumUp, "quorumUp");
        Objects.requireNonNull(quorumDown, "quorumDown");
        Objects.requireNonNull(weight, "weight");
        Objects.requireNonNull(checkDefaults, "checkDefaults");
        Objects.requireNonNull(sorryServer, "sorryServer");
        realServers = List.copyOf(realServers);
        Objects.requireNonNull(location, "location");
    }

    /** Whether {@code alpha} was written in this block. */
    public boolean alpha() {
        return checkDefaults.alpha().orElse(false);
    }
}
