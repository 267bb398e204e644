package org.jkeepalived.netlink.sys;

import com.sun.jna.Memory;

/**
 * Undoes an inherited SIG_IGN. A process started under {@code nohup} (or by a supervisor that ignores a signal)
 * inherits the signal ignored, and HotSpot then silently refuses to install a handler for it
 * ({@code sun.misc.Signal.handle} keeps SIG_IGN for HUP, INT and TERM): {@code kill -HUP} would not reload.
 * keepalived installs its handlers whatever it inherited; resetting an ignored signal to SIG_DFL first lets
 * the JVM do the same.
 */
public final class SignalDisposition {
    /**
     * glibc's {@code struct sigaction} on LP64 Linux: the handler (8 bytes), the mask (128), the flags (4,
     * padded to 8) and the restorer (8). Only the handler is read; the rest is written as zeroes.
     */
    private static final int SIZE = 152;
    private static final long SIG_IGN = 1;

    private SignalDisposition() {
    }

    /** Resets signal {@code signo} to its default action if it is ignored; whether it was. */
    public static boolean unignore(int signo) throws ErrnoException {
        Memory old = new Memory(SIZE);
        old.clear();
        ErrnoException.check(LibC.sigaction(signo, null, old), "sigaction", "signal " + signo);
        if (old.getLong(0) != SIG_IGN) {
            return false;
        }
        Memory dfl = new Memory(SIZE);
        dfl.clear(); // SIG_DFL, empty mask, no flags
        ErrnoException.check(LibC.sigaction(signo, dfl, null), "sigaction", "signal " + signo);
        return true;
    }

    /** Whether signal {@code signo} is ignored (SIG_IGN) now. */
    public static boolean isIgnored(int signo) throws ErrnoException {
        Memory old = new Memory(SIZE);
        old.clear();
        ErrnoException.check(LibC.sigaction(signo, null, old), "sigaction", "signal " + signo);
        return old.getLong(0) == SIG_IGN;
    }
}
