package org.jkeepalived.core.config.global;

import java.util.Optional;

/**
 * The names the daemon's processes take ({@code ps}, {@code top}, {@code pgrep}): {@code process_name},
 * {@code vrrp_process_name}, {@code checker_process_name}, and {@code process_names}, which gives each
 * process keepalived's default name unless its own keyword names it. Absent: the process keeps its name.
 */
public record ProcessNames(Optional<String> parent, Optional<String> vrrp, Optional<String> checker) {
    /** keepalived's default names, used with {@code process_names}. */
    public static final String DEFAULT_PARENT = "keepalived";
    public static final String DEFAULT_VRRP = "keepalived_vrrp";
    public static final String DEFAULT_CHECKER = "keepalived_ipvs";

    /** The names the global settings ask for. */
    public static ProcessNames of(GlobalDefs g) {
        boolean defaults = g.otherSettings().containsKey("process_names");
        Optional<String> parent = Optional.ofNullable(g.otherSettings().get("process_name"))
                .filter(n -> !n.isEmpty());
        return new ProcessNames(
                parent.or(() -> defaults ? Optional.of(DEFAULT_PARENT) : Optional.empty()),
                g.vrrpProcess().processName().or(() -> defaults ? Optional.of(DEFAULT_VRRP) : Optional.empty()),
                g.checkerProcess().processName().or(() -> defaults ? Optional.of(DEFAULT_CHECKER) : Optional.empty()));
    }
}
