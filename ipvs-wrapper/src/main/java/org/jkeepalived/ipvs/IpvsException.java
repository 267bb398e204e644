package org.jkeepalived.ipvs;

import java.io.IOException;

/**
 * An IPVS request the kernel refused, with its errno: {@code IPVS_CMD_NEW_SERVICE(TCP 192.0.2.1:80) failed:
 * EEXIST (17)}. The kernel answers ESRCH for a missing service, ENOENT for a missing scheduler or destination and
 * EEXIST for a duplicate.
 */
public class IpvsException extends IOException {
    public static final int ENOENT = 2;
    public static final int ESRCH = 3;
    public static final int EEXIST = 17;

    private final int errno;

    public IpvsException(String message, int errno, Throwable cause) {
        super(message, cause);
        this.errno = errno;
    }

    public IpvsException(String message, int errno) {
        this(message, errno, null);
    }

    /** The positive errno value. */
    public int errno() {
        return errno;
    }
}
