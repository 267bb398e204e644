package org.jkeepalived.checkers.probe;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * The result of one probe: success or failure with a reason for the log, and for dynamic checkers
 * (misc_dynamic, FILE_CHECK with a weight) what they add to the real server's weight.
 */
public record ProbeResult(boolean success, String detail, OptionalLong weightDelta) {
    public ProbeResult {
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(weightDelta, "weightDelta");
    }

    public static ProbeResult ok() {
        return new ProbeResult(true, "success", OptionalLong.empty());
    }

    public static ProbeResult failed(String why) {
        return new ProbeResult(false, why, OptionalLong.empty());
    }
}
