package org.jkeepalived.netlink.genl;

/** Constants of generic netlink (linux/genetlink.h) that its users need. */
public final class Genetlink {
    /** The netlink protocol of generic netlink sockets. */
    public static final int NETLINK_GENERIC = 16;
    /** Length of {@code struct genlmsghdr} (cmd u8, version u8, reserved u16). */
    public static final int GENL_HDRLEN = 4;
    /** The controller family's fixed id. */
    public static final int GENL_ID_CTRL = 0x10;
    public static final int CTRL_CMD_NEWFAMILY = 1;
    public static final int CTRL_CMD_GETFAMILY = 3;
    public static final int CTRL_ATTR_FAMILY_ID = 1;
    public static final int CTRL_ATTR_FAMILY_NAME = 2;
    public static final int CTRL_ATTR_VERSION = 3;
    public static final int CTRL_ATTR_HDRSIZE = 4;
    public static final int CTRL_ATTR_MAXATTR = 5;
    /** The version libnl sends in controller requests. */
    public static final int CTRL_VERSION = 1;

    private Genetlink() {
    }
}
