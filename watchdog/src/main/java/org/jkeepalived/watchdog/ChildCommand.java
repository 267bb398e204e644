package org.jkeepalived.watchdog;

import java.util.Optional;

/**
 * What the parent asks of a child, one word per line on the child's standard input (the pipe whose end
 * of file tells the child its parent is gone). The signals keepalived relays, by function.
 */
enum ChildCommand {
    /** SIGHUP: re-read the configuration the parent has validated. */
    RELOAD,
    /** SIGUSR1: write {@code /tmp/keepalived.data}. */
    DATA,
    /** keepalived's SIGUSR2: write {@code /tmp/keepalived.stats}. */
    STATS,
    /** keepalived's SIGRTMIN+2: write {@code /tmp/keepalived.json}. */
    JSON,
    /** keepalived's SIGRTMAX (jkeepalived: SIGSTKFLT): clear the VRRP statistics. */
    STATS_CLEAR,
    /** SIGTERM: stop gracefully and exit 0. */
    STOP;

    static Optional<ChildCommand> parse(String line) {
        try {
            return Optional.of(valueOf(line.trim()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
