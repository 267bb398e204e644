package org.jkeepalived.watchdog.failover;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import org.jkeepalived.core.testing.Daemon;
import org.junit.jupiter.api.BeforeAll;

/** The failover scenarios with jkeepalived (bin/jkeepalived of this checkout) on every router. */
class JkeepalivedFailoverIT extends FailoverScenarios {
    @BeforeAll
    static void built() {
        assertTrue(Files.isDirectory(Daemon.LAUNCHER.getParent().resolve("../watchdog/target/lib").normalize()),
                "build the distribution first: mvn -B -q package -DskipTests");
    }

    @Override
    Daemon daemon() {
        return Daemon.JKEEPALIVED;
    }
}
