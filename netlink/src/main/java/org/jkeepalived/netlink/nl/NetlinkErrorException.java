package org.jkeepalived.netlink.nl;

import org.jkeepalived.netlink.sys.ErrnoException;

/**
 * A netlink request the kernel refused with an NLMSG_ERROR: the call, its subject and the errno
 * ({@code RTM_NEWADDR(192.0.2.10/24 ifindex 3) failed: EEXIST (17)}), plus the kernel's extended-ack text when
 * it gave one. Each family has its own subclass, so callers catch only the refusals of the socket they use.
 */
public abstract class NetlinkErrorException extends ErrnoException {
    private final String kernelMessage;

    protected NetlinkErrorException(String call, String subject, int errno, String kernelMessage) {
        super(call, subject, errno);
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
