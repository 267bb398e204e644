package org.jkeepalived.core.config.vrrp;

import java.net.InetAddress;
import java.util.OptionalInt;
import org.jkeepalived.core.config.SourceLocation;

/**
 * One {@code unicast_peer} line: {@code <ip> [min_ttl 0..255] [max_ttl 0..255]}. A TTL bound turns on
 * check_unicast_src for the instance.
 */
public record UnicastPeer(InetAddress address, OptionalInt minTtl, OptionalInt maxTtl, SourceLocation location) {
}
