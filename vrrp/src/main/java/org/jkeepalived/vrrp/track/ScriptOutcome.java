package org.jkeepalived.vrrp.track;

/**
 * How a script run ended: its exit status, killed past its timeout, killed by a signal, or not started.
 *
 * @param kind       how it ended
 * @param exitStatus the exit status when {@link Kind#EXITED}, else -1
 * @param detail     the error when it could not start, else empty
 */
public record ScriptOutcome(Kind kind, int exitStatus, String detail) {
    /** How a run ended. */
    public enum Kind {
        EXITED,
        TIMED_OUT,
        NOT_STARTED
    }

    public static ScriptOutcome exited(int status) {
        return new ScriptOutcome(Kind.EXITED, status, "");
    }

    public static ScriptOutcome timedOut() {
        return new ScriptOutcome(Kind.TIMED_OUT, -1, "");
    }

    public static ScriptOutcome notStarted(String why) {
        return new ScriptOutcome(Kind.NOT_STARTED, -1, why);
    }

    /** Whether a tracked script counts this run as a success: exit status 0 and nothing else. */
    public boolean success() {
        return kind == Kind.EXITED && exitStatus == 0;
    }
}
