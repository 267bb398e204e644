package org.jkeepalived.watchdog;

import java.util.function.Consumer;
import org.jkeepalived.netlink.sys.ErrnoException;
import org.jkeepalived.netlink.sys.SignalDisposition;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * The signals every process of the daemon handles, by keepalived function. TERM and INT stop, HUP
 * reloads, USR1 dumps the data file, USR2 the stats file (possible because the launcher moves HotSpot's
 * suspend/resume signal off USR2 with {@code _JAVA_SR_SIGNUM}), PWR the JSON file and STKFLT clears the
 * statistics: keepalived uses SIGRTMIN+2 and SIGRTMAX for those two, and no JVM can handle a real-time
 * signal. The handler runs on the JVM's signal thread and must only hand the event on.
 */
final class DaemonSignals {
    /** A signal's function. */
    enum Event { STOP, RELOAD, DATA, STATS, JSON, STATS_CLEAR }

    /** The signal jkeepalived uses for {@link Event#JSON} (keepalived: SIGRTMIN+2). */
    static final String JSON_SIGNAL = "PWR";
    /**
     * The signal jkeepalived uses for {@link Event#STATS_CLEAR} (keepalived: SIGRTMAX): SIGSTKFLT, which Linux
     * never sends by itself and whose default action (terminate) matches that of the real-time signal.
     */
    static final String STATS_CLEAR_SIGNAL = "STKFLT";

    private DaemonSignals() {
    }

    static void install(Consumer<Event> handler) {
        handle("TERM", Event.STOP, handler);
        handle("INT", Event.STOP, handler);
        handle("HUP", Event.RELOAD, handler);
        handle("USR1", Event.DATA, handler);
        handle("USR2", Event.STATS, handler);
        handle(JSON_SIGNAL, Event.JSON, handler);
        handle(STATS_CLEAR_SIGNAL, Event.STATS_CLEAR, handler);
    }

    private static void handle(String name, Event event, Consumer<Event> handler) {
        try {
            Signal signal = new Signal(name);
            // under nohup HUP arrives ignored, and the JVM would then keep it ignored: keepalived does not
            if (SignalDisposition.unignore(signal.getNumber())) {
                LoggerFactory.getLogger(DaemonSignals.class).debug("SIG{} was ignored: now handled", name);
            }
            Signal.handle(signal, s -> handler.accept(event));
        } catch (ErrnoException e) {
            LoggerFactory.getLogger(DaemonSignals.class).warn("SIG{} cannot be handled: {}", name, e.getMessage());
        } catch (IllegalArgumentException e) {
            // USR2 without _JAVA_SR_SIGNUM belongs to HotSpot: that function is then unavailable
            LoggerFactory.getLogger(DaemonSignals.class).debug("SIG{} cannot be handled: {}", name, e.getMessage());
        }
    }
}
