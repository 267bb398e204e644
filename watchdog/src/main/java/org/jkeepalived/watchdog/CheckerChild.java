package org.jkeepalived.watchdog;

import java.lang.reflect.Method;
import org.jkeepalived.core.status.CheckerStatusSource;
import org.jkeepalived.watchdog.status.ChildDocuments;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entry point of the health-checker child JVM (ident {@code Keepalived_healthcheckers}). It hands over to
 * the checkers module's daemon, {@value #CHECKERS_DAEMON}{@code .main(String[])}, once that module has one;
 * until then it logs that it has nothing to run and stays up until told to stop, as keepalived's checker
 * child does without virtual servers. It writes and removes the {@code -c} pid file either way.
 *
 * <p>Metrics: the checker daemon reports through {@link CheckerStatusSource} (real server health, IPVS traffic);
 * whatever runs the checker loop answers the parent's status queries with
 * {@link ChildDocuments#checkers}. Until the daemon is wired here, the idle child answers with no figures.
 */
public final class CheckerChild {
    private static final Logger LOG = LoggerFactory.getLogger("org.jkeepalived.Keepalived");
    /** The checkers module's child main loop, looked up by name so this builds before it exists. */
    static final String CHECKERS_DAEMON = "org.jkeepalived.checkers.daemon.CheckerDaemon";

    private CheckerChild() {
    }

    public static void main(String[] args) {
        DaemonOptions o = VrrpChild.options(args);
        ConsoleLogging.configure(ChildKind.CHECKERS.ident(), o);
        Method daemon = null;
        try {
            daemon = Class.forName(CHECKERS_DAEMON).getMethod("main", String[].class);
        } catch (ReflectiveOperationException e) {
            // not built yet: idle below
        }
        if (daemon != null) {
            try {
                daemon.invoke(null, (Object) args);
                return;
            } catch (ReflectiveOperationException e) {
                LOG.error("The health-checker subsystem failed: {}", e.getCause() != null ? e.getCause() : e);
                System.exit(ExitStatus.FATAL);
            }
        }
        System.exit(idle(o));
    }

    private static int idle(DaemonOptions o) {
        ChildInbox inbox = ChildInbox.open(System.in);
        inbox.answering(d -> ChildDocuments.checkers(d, CheckerStatusSource.NONE));
        long pid = ProcessHandle.current().pid();
        LOG.info("Starting Healthcheck child process, pid={}", pid);
        PidFile pidFile = VrrpChild.writePid(ChildKind.CHECKERS.pidFile(o), pid);
        LOG.warn("The health-checker subsystem is not part of this build yet: nothing to run");
        try {
            while (inbox.take() != ChildCommand.STOP) {
                LOG.debug("Nothing to do for that: no virtual servers are checked");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.info("Stopped");
        if (pidFile != null) {
            pidFile.remove();
        }
        return ExitStatus.OK;
    }
}
