package org.jkeepalived.watchdog;

import java.io.PrintStream;
import java.util.Locale;

/**
 * The functions keepalived triggers by signal and the signal jkeepalived uses for each, for
 * {@code --signum}. keepalived uses SIGUSR2 for STATS and SIGRTMIN+2 for JSON; a JVM cannot take
 * either (HotSpot owns USR2 for thread suspension and cannot handle real-time signals, see
 * shared/PLATFORM.md), so those two functions have no signal here: {@code --signum} says so and
 * exits non-zero, as keepalived does for a function it was built without.
 */
enum SignalFunction {
    STOP(15),
    RELOAD(1),
    DATA(10),
    STATS(-1),
    STATS_CLEAR(-1),
    JSON(-1);

    private final int number;

    SignalFunction(int number) {
        this.number = number;
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
            err.println("jkeepalived: " + f + " has no signal in a JVM; HotSpot reserves it");
            return 1;
        }
        out.println(f.number);
        return 0;
    }
}
