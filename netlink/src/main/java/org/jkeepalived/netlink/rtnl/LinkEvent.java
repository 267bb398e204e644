package org.jkeepalived.netlink.rtnl;

/** A link change from the kernel: RTM_NEWLINK (created or flags changed) or RTM_DELLINK ({@code deleted}). */
public record LinkEvent(Link link, boolean deleted) {
}
