package org.jkeepalived.vrrp.engine;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** The multicast groups VRRP adverts go to (RFC 5798 §5.1.1.2 and §5.1.2.2). */
public final class VrrpGroups {
    /** 224.0.0.18 */
    public static final InetAddress IPV4 = literal(new byte[] {(byte) 224, 0, 0, 18});
    /** ff02::12 */
    public static final InetAddress IPV6 = literal(new byte[] {(byte) 0xff, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x12});

    private VrrpGroups() {
    }

    private static InetAddress literal(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
