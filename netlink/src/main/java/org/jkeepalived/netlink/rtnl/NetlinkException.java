package org.jkeepalived.netlink.rtnl;

import org.jkeepalived.netlink.nl.NetlinkErrorException;

/**
 * An rtnetlink request the kernel refused with an NLMSG_ERROR: the errno, the request type and its
 * subject ({@code RTM_NEWADDR(192.0.2.10/24 ifindex 3) failed: EEXIST (17)}), plus the kernel's
 * extended-ack text when it gave one.
 */
public class NetlinkException extends NetlinkErrorException {

    public NetlinkException(int requestType, String subject, int errno, String kernelMessage) {
        this(Rtnetlink.typeName(requestType), subject, errno, kernelMessage);
    }

    NetlinkException(String call, String subject, int errno, String kernelMessage) {
        super(call, subject, errno, kernelMessage);
    }
}
