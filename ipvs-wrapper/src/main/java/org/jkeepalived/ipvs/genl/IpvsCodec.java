package org.jkeepalived.ipvs.genl;

import static org.jkeepalived.ipvs.genl.IpvsGenl.*;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.jkeepalived.core.config.lvs.Forwarding;
import org.jkeepalived.core.config.lvs.IpFamily;
import org.jkeepalived.core.config.lvs.Protocol;
import org.jkeepalived.ipvs.Destination;
import org.jkeepalived.ipvs.DestinationDump;
import org.jkeepalived.ipvs.DestinationKey;
import org.jkeepalived.ipvs.IpvsInfo;
import org.jkeepalived.ipvs.IpvsStats;
import org.jkeepalived.ipvs.Service;
import org.jkeepalived.ipvs.ServiceDump;
import org.jkeepalived.ipvs.ServiceFlag;
import org.jkeepalived.ipvs.ServiceKey;
import org.jkeepalived.netlink.genl.GenlAttributes;
import org.jkeepalived.netlink.genl.GenlMessage;
import org.jkeepalived.netlink.genl.GenlMessageWriter;
import org.jkeepalived.netlink.nl.MalformedNetlinkException;

/**
 * Encodes the attributes of IPVS requests and decodes the kernel's dump messages; pure. The attribute layout and
 * order are those of ipvsadm's (and keepalived's) libipvs, so requests are byte-identical to ipvsadm's (golden
 * files in the tests): dest and delete commands carry the whole service block with an empty scheduler name,
 * addresses are 16 bytes whatever the family, ports are big-endian, an IPv4 netmask is a big-endian mask and an
 * IPv6 one a prefix length.
 */
public final class IpvsCodec {
    private static final int ADDR_LEN = 16;

    private IpvsCodec() {
    }

    /** The IPVS_CMD_ATTR_SERVICE block with every setting of {@code s} (NEW_SERVICE, SET_SERVICE). */
    public static void service(GenlMessageWriter w, Service s) {
        w.beginNested(CMD_ATTR_SERVICE);
        key(w, s.key());
        w.attrString(SVC_ATTR_SCHED_NAME, s.scheduler());
        if (!s.persistenceEngine().isEmpty()) {
            w.attrString(SVC_ATTR_PE_NAME, s.persistenceEngine());
        }
        int flags = ServiceFlag.code(s.flags()) | (s.persistent() ? ServiceFlag.PERSISTENT : 0);
        w.attr(SVC_ATTR_FLAGS, flags(flags, -1));
        w.attrU32(SVC_ATTR_TIMEOUT, s.persistenceTimeout());
        netmask(w, s.key().family(), s.persistencePrefix());
        w.endNested();
    }

    /** The service block naming a service, as libipvs sends it with dest and delete commands. */
    public static void serviceRef(GenlMessageWriter w, ServiceKey k) {
        w.beginNested(CMD_ATTR_SERVICE);
        key(w, k);
        w.attrString(SVC_ATTR_SCHED_NAME, "");
        w.attr(SVC_ATTR_FLAGS, flags(0, -1));
        w.attrU32(SVC_ATTR_TIMEOUT, 0);
        netmask(w, k.family(), Service.fullPrefix(k.family()));
        w.endNested();
    }

    /** The bare service key, as GET_DEST dumps send it. */
    public static void serviceKey(GenlMessageWriter w, ServiceKey k) {
        w.beginNested(CMD_ATTR_SERVICE);
        key(w, k);
        w.endNested();
    }

    /** The IPVS_CMD_ATTR_DEST block (NEW_DEST, SET_DEST). */
    public static void destination(GenlMessageWriter w, Destination d) {
        Forwarding f = d.forwarding();
        w.beginNested(CMD_ATTR_DEST);
        w.attrU16(DEST_ATTR_ADDR_FAMILY, af(d.family()));
        w.attr(DEST_ATTR_ADDR, address(d.address()));
        w.attrBe16(DEST_ATTR_PORT, d.port());
        w.attrU32(DEST_ATTR_FWD_METHOD, switch (f.method()) {
            case NAT -> CONN_F_MASQ;
            case DR -> CONN_F_DROUTE;
            case TUN -> CONN_F_TUNNEL;
        });
        w.attrU32(DEST_ATTR_WEIGHT, d.weight());
        w.attrU8(DEST_ATTR_TUN_TYPE, f.method() != Forwarding.Method.TUN ? 0 : switch (f.tunnelType()) {
            case IPIP -> TUNNEL_TYPE_IPIP;
            case GUE -> TUNNEL_TYPE_GUE;
            case GRE -> TUNNEL_TYPE_GRE;
        });
        w.attrBe16(DEST_ATTR_TUN_PORT, f.tunnelPort().orElse(0));
        w.attrU16(DEST_ATTR_TUN_FLAGS, switch (f.checksum()) {
            case NONE, NOCSUM -> 0;
            case CSUM -> TUNNEL_ENCAP_FLAG_CSUM;
            case REMCSUM -> TUNNEL_ENCAP_FLAG_REMCSUM;
        });
        w.attrU32(DEST_ATTR_U_THRESH, (int) d.upperThreshold());
        w.attrU32(DEST_ATTR_L_THRESH, (int) d.lowerThreshold());
        w.endNested();
    }

    /** The dest block naming a destination for DEL_DEST, with ipvsadm's defaults (route, weight 1). */
    public static void destinationRef(GenlMessageWriter w, DestinationKey k) {
        destination(w, new Destination(k.address(), k.port(), Forwarding.of(Forwarding.Method.DR), 1, 0, 0));
    }

    /** A service of an IPVS_CMD_GET_SERVICE dump (destinations empty). */
    public static ServiceDump decodeService(GenlMessage m) {
        GenlAttributes a = required(m.attributes().nested(CMD_ATTR_SERVICE), "IPVS_CMD_ATTR_SERVICE");
        IpFamily family = family(a.u16(SVC_ATTR_AF, -1));
        long mark = a.u32(SVC_ATTR_FWMARK, 0);
        ServiceKey key;
        if (mark != 0) {
            key = new ServiceKey.Fwmark(family, mark);
        } else {
            key = new ServiceKey.Inet(protocol(a.u16(SVC_ATTR_PROTOCOL, -1)),
                    address(family, required(a.bytes(SVC_ATTR_ADDR), "IPVS_SVC_ATTR_ADDR")), a.be16(SVC_ATTR_PORT, 0));
        }
        byte[] f = required(a.bytes(SVC_ATTR_FLAGS), "IPVS_SVC_ATTR_FLAGS");
        int flags = (f[0] & 0xff) | (f[1] & 0xff) << 8 | (f[2] & 0xff) << 16 | (f[3] & 0xff) << 24;
        if (java.nio.ByteOrder.nativeOrder() == java.nio.ByteOrder.BIG_ENDIAN) {
            flags = Integer.reverseBytes(flags);
        }
        int prefix = family == IpFamily.INET ? Long.bitCount(a.be32(SVC_ATTR_NETMASK, 0xffffffffL))
                : (int) Math.min(128, a.u32(SVC_ATTR_NETMASK, 128));
        String pe = a.string(SVC_ATTR_PE_NAME);
        Service s = new Service(key, nonNull(a.string(SVC_ATTR_SCHED_NAME)), ServiceFlag.fromCode(flags),
                (int) a.u32(SVC_ATTR_TIMEOUT, 0), prefix, pe == null ? "" : pe);
        return new ServiceDump(s, stats(a, SVC_ATTR_STATS64, SVC_ATTR_STATS), List.of());
    }

    /** A destination of an IPVS_CMD_GET_DEST dump; its family is the service's unless the kernel says. */
    public static DestinationDump decodeDestination(GenlMessage m, IpFamily serviceFamily) {
        GenlAttributes a = required(m.attributes().nested(CMD_ATTR_DEST), "IPVS_CMD_ATTR_DEST");
        int af = a.u16(DEST_ATTR_ADDR_FAMILY, -1);
        IpFamily family = af < 0 ? serviceFamily : family(af);
        Forwarding.Method method = switch ((int) a.u32(DEST_ATTR_FWD_METHOD, 0) & 0x7) {
            case CONN_F_TUNNEL -> Forwarding.Method.TUN;
            case CONN_F_DROUTE -> Forwarding.Method.DR;
            default -> Forwarding.Method.NAT; // MASQ, and LOCALNODE: a NAT dest on one of our own addresses
        };
        Forwarding.TunnelType type = switch (a.u8(DEST_ATTR_TUN_TYPE, 0)) {
            case TUNNEL_TYPE_GUE -> Forwarding.TunnelType.GUE;
            case TUNNEL_TYPE_GRE -> Forwarding.TunnelType.GRE;
            default -> Forwarding.TunnelType.IPIP;
        };
        int tunFlags = a.u16(DEST_ATTR_TUN_FLAGS, 0);
        Forwarding.TunnelChecksum checksum = (tunFlags & TUNNEL_ENCAP_FLAG_REMCSUM) != 0
                ? Forwarding.TunnelChecksum.REMCSUM
                : (tunFlags & TUNNEL_ENCAP_FLAG_CSUM) != 0 ? Forwarding.TunnelChecksum.CSUM : Forwarding.TunnelChecksum.NONE;
        int tunPort = a.be16(DEST_ATTR_TUN_PORT, 0);
        Forwarding f = new Forwarding(method, type, tunPort == 0 ? OptionalInt.empty() : OptionalInt.of(tunPort),
                checksum);
        Destination d = new Destination(address(family, required(a.bytes(DEST_ATTR_ADDR), "IPVS_DEST_ATTR_ADDR")),
                a.be16(DEST_ATTR_PORT, 0), f, (int) Math.min(Integer.MAX_VALUE, a.u32(DEST_ATTR_WEIGHT, 0)),
                a.u32(DEST_ATTR_U_THRESH, 0), a.u32(DEST_ATTR_L_THRESH, 0));
        return new DestinationDump(d, a.u32(DEST_ATTR_ACTIVE_CONNS, 0), a.u32(DEST_ATTR_INACT_CONNS, 0),
                a.u32(DEST_ATTR_PERSIST_CONNS, 0), stats(a, DEST_ATTR_STATS64, DEST_ATTR_STATS));
    }

    /** The reply to IPVS_CMD_GET_INFO. */
    public static IpvsInfo decodeInfo(GenlMessage m) {
        GenlAttributes a = m.attributes();
        return new IpvsInfo((int) a.u32(INFO_ATTR_VERSION, 0), (int) a.u32(INFO_ATTR_CONN_TAB_SIZE, 0));
    }

    /** Decodes every service of a dump. */
    public static List<ServiceDump> decodeServices(List<GenlMessage> ms) {
        List<ServiceDump> out = new ArrayList<>(ms.size());
        for (GenlMessage m : ms) {
            out.add(decodeService(m));
        }
        return out;
    }

    private static void key(GenlMessageWriter w, ServiceKey k) {
        w.attrU16(SVC_ATTR_AF, af(k.family()));
        if (k instanceof ServiceKey.Fwmark f) {
            w.attrU32(SVC_ATTR_FWMARK, (int) f.mark());
        } else if (k instanceof ServiceKey.Inet i) {
            w.attrU16(SVC_ATTR_PROTOCOL, switch (i.protocol()) {
                case TCP -> IPPROTO_TCP;
                case UDP -> IPPROTO_UDP;
                case SCTP -> IPPROTO_SCTP;
            });
            w.attr(SVC_ATTR_ADDR, address(i.address()));
            w.attrBe16(SVC_ATTR_PORT, i.port());
        }
    }

    private static void netmask(GenlMessageWriter w, IpFamily family, int prefix) {
        if (family == IpFamily.INET) {
            w.attrBe32(SVC_ATTR_NETMASK, prefix == 0 ? 0 : -1 << (32 - prefix));
        } else {
            w.attrU32(SVC_ATTR_NETMASK, prefix);
        }
    }

    /** struct ip_vs_flags { __u32 flags; __u32 mask; } in host order. */
    private static byte[] flags(int flags, int mask) {
        return java.nio.ByteBuffer.allocate(8).order(java.nio.ByteOrder.nativeOrder()).putInt(flags).putInt(mask)
                .array();
    }

    private static IpvsStats stats(GenlAttributes parent, int attr64, int attr32) {
        GenlAttributes s = parent.nested(attr64);
        if (s != null) {
            return new IpvsStats(s.u64(STATS_ATTR_CONNS, 0), s.u64(STATS_ATTR_INPKTS, 0), s.u64(STATS_ATTR_OUTPKTS, 0),
                    s.u64(STATS_ATTR_INBYTES, 0), s.u64(STATS_ATTR_OUTBYTES, 0), s.u64(STATS_ATTR_CPS, 0),
                    s.u64(STATS_ATTR_INPPS, 0), s.u64(STATS_ATTR_OUTPPS, 0), s.u64(STATS_ATTR_INBPS, 0),
                    s.u64(STATS_ATTR_OUTBPS, 0));
        }
        s = parent.nested(attr32);
        if (s == null) {
            return IpvsStats.ZERO;
        }
        return new IpvsStats(s.u32(STATS_ATTR_CONNS, 0), s.u32(STATS_ATTR_INPKTS, 0), s.u32(STATS_ATTR_OUTPKTS, 0),
                s.u64(STATS_ATTR_INBYTES, 0), s.u64(STATS_ATTR_OUTBYTES, 0), s.u32(STATS_ATTR_CPS, 0),
                s.u32(STATS_ATTR_INPPS, 0), s.u32(STATS_ATTR_OUTPPS, 0), s.u32(STATS_ATTR_INBPS, 0),
                s.u32(STATS_ATTR_OUTBPS, 0));
    }

    static int af(IpFamily f) {
        return f == IpFamily.INET ? AF_INET : AF_INET6;
    }

    private static IpFamily family(int af) {
        return switch (af) {
            case AF_INET -> IpFamily.INET;
            case AF_INET6 -> IpFamily.INET6;
            default -> throw new MalformedNetlinkException("bad address family " + af);
        };
    }

    private static Protocol protocol(int p) {
        return switch (p) {
            case IPPROTO_TCP -> Protocol.TCP;
            case IPPROTO_UDP -> Protocol.UDP;
            case IPPROTO_SCTP -> Protocol.SCTP;
            default -> throw new MalformedNetlinkException("bad protocol " + p);
        };
    }

    private static byte[] address(InetAddress a) {
        byte[] out = new byte[ADDR_LEN];
        byte[] raw = a.getAddress();
        System.arraycopy(raw, 0, out, 0, raw.length);
        return out;
    }

    private static InetAddress address(IpFamily family, byte[] raw) {
        int len = family == IpFamily.INET ? 4 : 16;
        if (raw.length < len) {
            throw new MalformedNetlinkException("address of " + raw.length + " bytes");
        }
        try {
            return InetAddress.getByAddress(java.util.Arrays.copyOf(raw, len));
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e); // only for a bad length
        }
    }

    private static <T> T required(T value, String name) {
        if (value == null) {
            throw new MalformedNetlinkException("missing " + name);
        }
        return value;
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}
