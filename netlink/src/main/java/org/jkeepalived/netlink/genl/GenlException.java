package org.jkeepalived.netlink.genl;

import org.jkeepalived.netlink.sys.ErrnoException;

/**
 * A generic netlink request the kernel refused: {@code IPVS_CMD_NEW_SERVICE(TCP 192.0.2.1:80) failed: EEXIST (17)},
 * plus the kernel's extended-ack text when it gave one.
 */
public class GenlException extends ErrnoException {
    private final String kernelMessage;

    public GenlException(String call, String subject, int errno, String kernelMessage) {
        super(call, subject, errno);
        this.kernelMessage = kernelMessage;
    }

    /** The extended ack message, or null. */
    public String kernelMessage() {
        return kernelMessage;
    }

    @Override
    public String getMessage() {
        return kernelMessage == null ? super.getMessage() : super.getMessage() + ": " + kernelMessage;
    }
}
