package org.jkeepalived.watchdog;

/**
 * Exit statuses of jkeepalived's processes. A child that exits with {@link #CONFIG}, {@link #PERMISSION} or
 * {@link #FATAL} cannot be helped by a respawn: the parent stops the daemon and logs why; any other exit
 * of a child the parent did not ask to stop is a crash, answered by a respawn.
 */
final class ExitStatus {
    static final int OK = 0;
    /** A flag picocli cannot parse; keepalived exits 1 for an unknown option too. */
    static final int USAGE = 1;
    /** Something no retry fixes (an internal error, the kernel interfaces cannot be used). */
    static final int FATAL = 2;
    /** The configuration cannot be read or used. */
    static final int CONFIG = 3;
    /** {@code -t} found something to report; keepalived 2.2.7 exits 5 in that case. */
    static final int CONFIG_TEST_FAILED = 5;
    /** The process lacks a privilege it needs (CAP_NET_ADMIN, CAP_NET_RAW: run as root). */
    static final int PERMISSION = 7;

    private ExitStatus() {
    }

    /** Why a child's exit status stops the daemon, or null when a respawn may help. */
    static String fatalReason(int status) {
        return switch (status) {
            case CONFIG -> "configuration error";
            case PERMISSION -> "missing permission";
            case FATAL -> "fatal error";
            default -> null;
        };
    }
}
