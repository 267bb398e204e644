package org.jkeepalived.netlink.sys;

import com.sun.jna.Native;
import java.io.IOException;

/**
 * A failed system call or netlink request: carries the errno, the call and what it was applied to,
 * with the message {@code sendto(eth0) failed: ENETDOWN (100)}.
 */
public class ErrnoException extends IOException {
    private final int errno;
    private final String call;
    private final String subject;

    public ErrnoException(String call, String subject, int errno) {
        super(format(call, subject, errno));
        this.errno = errno;
        this.call = call;
        this.subject = subject;
    }

    static String format(String call, String subject, int errno) {
        String target = subject == null || subject.isEmpty() ? "" : "(" + subject + ")";
        return call + target + " failed: " + Errno.nameOf(errno) + " (" + errno + ")";
    }

    /** The positive errno value. */
    public int errno() {
        return errno;
    }

    /** The errno constant, or null when {@link Errno} does not know the value. */
    public Errno errnoConstant() {
        return Errno.fromCode(errno);
    }

    public String call() {
        return call;
    }

    /** The interface, socket or object the call was applied to; may be null. */
    public String subject() {
        return subject;
    }

    /** Returns {@code rc}, or throws with the thread's errno when it is negative. */
    public static long check(long rc, String call, String subject) throws ErrnoException {
        if (rc < 0) {
            throw new ErrnoException(call, subject, Native.getLastError());
        }
        return rc;
    }

    /** Returns {@code rc}, or throws with the thread's errno when it is negative. */
    public static int check(int rc, String call, String subject) throws ErrnoException {
        if (rc < 0) {
            throw new ErrnoException(call, subject, Native.getLastError());
        }
        return rc;
    }
}
