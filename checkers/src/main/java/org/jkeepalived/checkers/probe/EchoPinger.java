package org.jkeepalived.checkers.probe;

import java.net.InetAddress;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Sends one ICMP (or ICMPv6) echo request and reports whether the matching reply came back in time. The kernel
 * side lives in the netlink module; this port keeps the checkers free of native code.
 */
@FunctionalInterface
public interface EchoPinger {
    void ping(InetAddress target, Duration timeout, Consumer<ProbeResult> done);
}
