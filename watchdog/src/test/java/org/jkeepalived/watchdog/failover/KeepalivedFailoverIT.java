package org.jkeepalived.watchdog.failover;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.jkeepalived.core.testing.Command;
import org.jkeepalived.core.testing.Daemon;
import org.junit.jupiter.api.BeforeAll;

/**
 * The failover scenarios with keepalived 2.2.7 on every router: the reference the jkeepalived run
 * ({@link JkeepalivedFailoverIT}) is held to, and the check that the harness itself measures right.
 */
class KeepalivedFailoverIT extends FailoverScenarios {
    @BeforeAll
    static void keepalived() {
        assumeTrue(Command.available("keepalived"), "needs keepalived (bin/install-test-deps)");
    }

    @Override
    Daemon daemon() {
        return Daemon.KEEPALIVED;
    }
}
