package org.jkeepalived.netlink.rtnl;

/** An address change from the kernel: RTM_NEWADDR or RTM_DELADDR ({@code deleted}). */
public record AddressEvent(Address address, boolean deleted) {
}
