package org.jkeepalived.ipvs.genl;

/** The IPVS generic netlink family's commands and attributes (linux/ip_vs.h, IPVS_GENL_*). */
public final class IpvsGenl {
    public static final String FAMILY_NAME = "IPVS";
    public static final int VERSION = 1;

    public static final int CMD_NEW_SERVICE = 1;
    public static final int CMD_SET_SERVICE = 2;
    public static final int CMD_DEL_SERVICE = 3;
    public static final int CMD_GET_SERVICE = 4;
    public static final int CMD_NEW_DEST = 5;
    public static final int CMD_SET_DEST = 6;
    public static final int CMD_DEL_DEST = 7;
    public static final int CMD_GET_DEST = 8;
    public static final int CMD_SET_INFO = 14;
    public static final int CMD_GET_INFO = 15;
    public static final int CMD_ZERO = 16;
    public static final int CMD_FLUSH = 17;

    public static final int CMD_ATTR_SERVICE = 1;
    public static final int CMD_ATTR_DEST = 2;

    public static final int SVC_ATTR_AF = 1;
    public static final int SVC_ATTR_PROTOCOL = 2;
    public static final int SVC_ATTR_ADDR = 3;
    public static final int SVC_ATTR_PORT = 4;
    public static final int SVC_ATTR_FWMARK = 5;
    public static final int SVC_ATTR_SCHED_NAME = 6;
    public static final int SVC_ATTR_FLAGS = 7;
    public static final int SVC_ATTR_TIMEOUT = 8;
    public static final int SVC_ATTR_NETMASK = 9;
    public static final int SVC_ATTR_STATS = 10;
    public static final int SVC_ATTR_PE_NAME = 11;
    public static final int SVC_ATTR_STATS64 = 12;

    public static final int DEST_ATTR_ADDR = 1;
    public static final int DEST_ATTR_PORT = 2;
    public static final int DEST_ATTR_FWD_METHOD = 3;
    public static final int DEST_ATTR_WEIGHT = 4;
    public static final int DEST_ATTR_U_THRESH = 5;
    public static final int DEST_ATTR_L_THRESH = 6;
    public static final int DEST_ATTR_ACTIVE_CONNS = 7;
    public static final int DEST_ATTR_INACT_CONNS = 8;
    public static final int DEST_ATTR_PERSIST_CONNS = 9;
    public static final int DEST_ATTR_STATS = 10;
    public static final int DEST_ATTR_ADDR_FAMILY = 11;
    public static final int DEST_ATTR_STATS64 = 12;
    public static final int DEST_ATTR_TUN_TYPE = 13;
    public static final int DEST_ATTR_TUN_PORT = 14;
    public static final int DEST_ATTR_TUN_FLAGS = 15;

    public static final int STATS_ATTR_CONNS = 1;
    public static final int STATS_ATTR_INPKTS = 2;
    public static final int STATS_ATTR_OUTPKTS = 3;
    public static final int STATS_ATTR_INBYTES = 4;
    public static final int STATS_ATTR_OUTBYTES = 5;
    public static final int STATS_ATTR_CPS = 6;
    public static final int STATS_ATTR_INPPS = 7;
    public static final int STATS_ATTR_OUTPPS = 8;
    public static final int STATS_ATTR_INBPS = 9;
    public static final int STATS_ATTR_OUTBPS = 10;

    public static final int INFO_ATTR_VERSION = 1;
    public static final int INFO_ATTR_CONN_TAB_SIZE = 2;

    /** IP_VS_CONN_F_* forwarding methods. */
    public static final int CONN_F_MASQ = 0;
    public static final int CONN_F_LOCALNODE = 1;
    public static final int CONN_F_TUNNEL = 2;
    public static final int CONN_F_DROUTE = 3;

    /** IP_VS_CONN_F_TUNNEL_TYPE_*. */
    public static final int TUNNEL_TYPE_IPIP = 0;
    public static final int TUNNEL_TYPE_GUE = 1;
    public static final int TUNNEL_TYPE_GRE = 2;
    /** IP_VS_TUNNEL_ENCAP_FLAG_* (NOCSUM is 0). */
    public static final int TUNNEL_ENCAP_FLAG_CSUM = 1;
    public static final int TUNNEL_ENCAP_FLAG_REMCSUM = 2;

    public static final int AF_INET = 2;
    public static final int AF_INET6 = 10;
    public static final int IPPROTO_TCP = 6;
    public static final int IPPROTO_UDP = 17;
    public static final int IPPROTO_SCTP = 132;

    private IpvsGenl() {
    }

    /** The command's name for messages: {@code IPVS_CMD_NEW_SERVICE}. */
    public static String commandName(int cmd) {
        return switch (cmd) {
            case CMD_NEW_SERVICE -> "IPVS_CMD_NEW_SERVICE";
            case CMD_SET_SERVICE -> "IPVS_CMD_SET_SERVICE";
            case CMD_DEL_SERVICE -> "IPVS_CMD_DEL_SERVICE";
            case CMD_GET_SERVICE -> "IPVS_CMD_GET_SERVICE";
            case CMD_NEW_DEST -> "IPVS_CMD_NEW_DEST";
            case CMD_SET_DEST -> "IPVS_CMD_SET_DEST";
            case CMD_DEL_DEST -> "IPVS_CMD_DEL_DEST";
            case CMD_GET_DEST -> "IPVS_CMD_GET_DEST";
            case CMD_GET_INFO -> "IPVS_CMD_GET_INFO";
            case CMD_FLUSH -> "IPVS_CMD_FLUSH";
            default -> "IPVS_CMD_" + cmd;
        };
    }
}
