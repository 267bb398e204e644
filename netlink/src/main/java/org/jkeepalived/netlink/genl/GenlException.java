package org.jkeepalived.netlink.genl;

import org.jkeepalived.netlink.nl.NetlinkErrorException;

/**
 * A generic netlink request the kernel refused: {@code IPVS_CMD_NEW_SERVICE(TCP 192.0.2.1:80) failed: EEXIST (17)},
 * plus the kernel's extended-ack text when it gave one.
 */
public class GenlException extends NetlinkErrorException {

    public GenlException(String call, String subject, int errno, String kernelMessage) {
        super(call, subject, errno, kernelMessage);
    }
}
