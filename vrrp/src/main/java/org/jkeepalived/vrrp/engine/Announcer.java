package org.jkeepalived.vrrp.engine;

/**
 * Output port: sends gratuitous ARPs (IPv4) or unsolicited neighbour advertisements (IPv6) for
 * every virtual address of an instance, {@code repeat} of each; pacing between them (keepalived's
 * garp_interval / gna_interval) is the implementation's business.
 */
@FunctionalInterface
public interface Announcer {
    void announce(InstanceSpec instance, int repeat);
}
