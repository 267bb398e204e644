package org.jkeepalived.netlink.nl;

/**
 * Wire constants of netlink itself ({@code <linux/netlink.h>}): the message header, its flags, the control
 * message types and the attribute header, shared by rtnetlink and generic netlink.
 */
public final class Netlink {
    private Netlink() {
    }

    // struct nlmsghdr { u32 len; u16 type; u16 flags; u32 seq; u32 pid; }
    public static final int NLMSG_HDRLEN = 16;
    public static final int NLMSG_OFF_LEN = 0;
    public static final int NLMSG_OFF_TYPE = 4;
    public static final int NLMSG_OFF_FLAGS = 6;
    public static final int NLMSG_OFF_SEQ = 8;
    public static final int NLMSG_OFF_PID = 12;
    public static final int NLMSG_NOOP = 1;
    public static final int NLMSG_ERROR = 2;
    public static final int NLMSG_DONE = 3;
    public static final int NLMSG_OVERRUN = 4;
    public static final int NLM_F_REQUEST = 0x1;
    public static final int NLM_F_MULTI = 0x2;
    public static final int NLM_F_ACK = 0x4;
    public static final int NLM_F_DUMP_INTR = 0x10;
    public static final int NLM_F_DUMP = 0x300;
    public static final int NLM_F_REPLACE = 0x100;
    public static final int NLM_F_EXCL = 0x200;
    public static final int NLM_F_CREATE = 0x400;
    /** In an NLMSG_ERROR: the original request was not echoed (NETLINK_CAP_ACK). */
    public static final int NLM_F_CAPPED = 0x100;
    /** In an NLMSG_ERROR: extended ack TLVs follow. */
    public static final int NLM_F_ACK_TLVS = 0x200;
    public static final int NLMSGERR_ATTR_MSG = 1;
    // struct nlattr (rtnetlink's struct rtattr) { u16 len; u16 type; }
    public static final int NLA_HDRLEN = 4;
    public static final int NLA_F_NESTED = 0x8000;
    /** The type bits of nla_type (without NLA_F_NESTED and NLA_F_NET_BYTEORDER). */
    public static final int NLA_TYPE_MASK = 0x3fff;
    // socket options at SOL_NETLINK
    public static final int NETLINK_CAP_ACK = 10;

    /** Rounds up to netlink's 4-byte alignment (NLMSG_ALIGN / NLA_ALIGN). */
    public static int align(int length) {
        return (length + 3) & ~3;
    }
}
