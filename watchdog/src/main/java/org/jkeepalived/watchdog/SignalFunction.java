package org.jkeepalived.watchdog;

import java.io.PrintStream;
import java.util.Locale;

/**
 * The functions keepalived triggers by signal and the signal jkeepalived uses for each, for
 * {@code --signum}. STOP, RELOAD, DATA and STATS are keepalived's (STATS is SIGUSR2: every jkeepalived
 * JVM starts with HotSpot's suspend/resume signal moved off it, see {@link JvmCommand#SR_SIGNUM}). A JVM
 * cannot handle real-time signals, so JSON uses SIGPWR instead of keepalived's SIGRTMIN+2 and
 * STATS_CLEAR uses SIGSTKFLT instead of SIGRTMAX. A function without a signal would make {@code --signum}
 * say so and exit non-zero, as keepalived does for a function it was built without.
 */
enum SignalFunction {
    STOP(15),
    RELOAD(1),
    DATA(10),
    STATS(12),
    /** SIGSTKFLT: unused on Linux, and a JVM can handle it (keepalived: SIGRTMAX). */
    STATS_CLEAR(16),
    /** SIGPWR on x86 and arm64 Linux. */
    JSON(30);

    private final int number;

    SignalFunction(int number) {
        this.number = number;
    }

    int number() {
        return number;
    }

    static int print(String name, PrintStream out, PrintStream err) {
        SignalFunction f;
        try {
            f = valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            err.println("Unknown sigfunc " + name);
            return 1;
        }
        if (f.number < 0) {
            err.println("jkeepalived: " + f + " has no signal in a JVM (keepalived uses a real-time signal)");
            return 1;
        }
        out.println(f.number);
        return 0;
    }
}
