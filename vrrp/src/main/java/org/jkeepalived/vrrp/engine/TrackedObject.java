package org.jkeepalived.vrrp.engine;

import java.util.Objects;

/**
 * One object an instance tracks (track_interface, track_script, track_file) and how its status
 * moves the instance's effective priority, as keepalived.conf(5) describes:
 * <ul>
 * <li>weight 0: failure puts the instance in FAULT;</li>
 * <li>interface or script, weight &gt; 0: OK adds the weight; weight &lt; 0: failure adds it (a
 *     subtraction);</li>
 * <li>file: weight 0 makes a non-zero value a failure; otherwise value &times; weight is added, and a
 *     result below -253 means FAULT;</li>
 * <li>reverse: the status is inverted and the weight negated (for a file, the product negated).</li>
 * </ul>
 *
 * @param kind    what is tracked
 * @param name    the interface, vrrp_script or track_file name, as the inputs of VrrpInstance use it
 * @param weight  -254..254
 * @param reverse keepalived's {@code reverse} option
 */
public record TrackedObject(Kind kind, String name, int weight, boolean reverse) {
    /** The kinds of tracked objects. */
    public enum Kind {
        INTERFACE,
        SCRIPT,
        FILE
    }

    public TrackedObject {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        if (weight < -254 || weight > 254) {
            throw new IllegalArgumentException("weight " + weight + " not in -254..254");
        }
    }

    public static TrackedObject trackInterface(String name, int weight) {
        return new TrackedObject(Kind.INTERFACE, name, weight, false);
    }

    public static TrackedObject trackScript(String name, int weight) {
        return new TrackedObject(Kind.SCRIPT, name, weight, false);
    }

    public static TrackedObject trackFile(String name, int weight) {
        return new TrackedObject(Kind.FILE, name, weight, false);
    }
}
