package org.jkeepalived.netlink.nl;

/** A netlink message from the kernel that does not parse: a length field out of bounds or a missing header. */
public class MalformedNetlinkException extends RuntimeException {
    public MalformedNetlinkException(String message) {
        super(message);
    }
}
