package org.jkeepalived.core.config;

/**
 * What validation may ask of the host: whether a named network interface exists, as keepalived
 * checks when it reads {@code interface}, {@code track_interface} or {@code dev}. The watchdog
 * passes the real host's view; tests pass a fixed set.
 */
@FunctionalInterface
public interface HostInterfaces {
    boolean exists(String name);

    /** Every name exists: for dumping a config written for another host. */
    HostInterfaces ANY = name -> true;
}
