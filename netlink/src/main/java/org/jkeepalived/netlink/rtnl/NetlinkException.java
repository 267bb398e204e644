package org.jkeepalived.netlink.rtnl;

import org.jkeepalived.netlink.sys.ErrnoException;

/**
 * A netlink request the kernel refused with an NLMSG_ERROR: the errno, the request type and its
 * subject ({@code RTM_NEWADDR(192.0.2.10/24 ifindex 3) failed: EEXIST (17)}), plus the kernel's
 * extended-ack text when it gave one.
 */
public class NetlinkException extends ErrnoException {
    private final String kernelMessage;

    public NetlinkException(int requestType, String subject, int errno, String kernelMessage) {
        super(Rtnetlink.typeName(requestType), subject, errno);
        this.kernelMessage = kernelMessage;
    }

    /** The extended ack message (e.g. "Unknown device type"), or null. */
    public String kernelMessage() {
        return kernelMessage;
    }

    @Override
    public String getMessage() {
        return kernelMessage == null ? super.getMessage() : super.getMessage() + ": " + kernelMessage;
    }
}
