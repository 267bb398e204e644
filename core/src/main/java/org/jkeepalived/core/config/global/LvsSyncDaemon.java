package org.jkeepalived.core.config.global;

import java.net.InetAddress;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * {@code lvs_sync_daemon <INTERFACE> [[inst] <VRRP_INSTANCE>] [id <SYNC_ID>] [maxlen <LEN>]
 * [port <PORT>] [ttl <TTL>] [group <IP>]}: the IPVS connection sync daemon. Without an instance both
 * master and backup daemons run; the sync id defaults to the instance's VRID (0 without one), the
 * port to 8848 and the group to 224.0.0.81 (kernel defaults, hence absent here).
 */
public record LvsSyncDaemon(String interfaceName, Optional<String> instance, OptionalInt syncId,
                            OptionalInt maxLen, OptionalInt port, OptionalInt ttl,
                            Optional<InetAddress> group) {
}
