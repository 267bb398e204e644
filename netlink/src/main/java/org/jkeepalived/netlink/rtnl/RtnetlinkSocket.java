package org.jkeepalived.netlink.rtnl;

import static org.jkeepalived.netlink.nl.Netlink.*;
import static org.jkeepalived.netlink.rtnl.Rtnetlink.*;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jkeepalived.netlink.MacAddress;
import org.jkeepalived.netlink.nl.NetlinkErrorException;
import org.jkeepalived.netlink.nl.NetlinkMessage;
import org.jkeepalived.netlink.nl.NetlinkSocket;
import org.jkeepalived.netlink.sys.ErrnoException;
import org.jkeepalived.netlink.sys.LibC;
import org.jkeepalived.netlink.sys.NativeSocket;

/**
 * A NETLINK_ROUTE request socket: adds and deletes addresses, routes, rules and macvlan links, and
 * dumps links and addresses, waiting for each ACK (an NLMSG_ERROR with code 0) and turning a
 * refusal into a {@link NetlinkException}. The socket belongs to the network namespace of the
 * thread that opened it. Calls are serialized (they share one send and one receive buffer); every
 * wait is bounded by {@link #TIMEOUT_MILLIS}.
 */
public final class RtnetlinkSocket extends NetlinkSocket {
    private static final int BUFFER_SIZE = 64 * 1024;

    private RtnetlinkSocket(NativeSocket socket) {
        super(socket, "rtnetlink", BUFFER_SIZE);
    }

    /** Opens a request socket in the calling thread's network namespace. */
    public static RtnetlinkSocket open() throws ErrnoException {
        return new RtnetlinkSocket(openBound(LibC.NETLINK_ROUTE, "rtnetlink"));
    }

    /** Adds an address; fails with EEXIST if it is already there (NLM_F_EXCL). */
    public synchronized void addAddress(Address a) throws IOException {
        int s = nextSeq();
        AddressCodec.encode(writer(), RTM_NEWADDR, NLM_F_REQUEST | NLM_F_ACK | NLM_F_CREATE | NLM_F_EXCL, s, a);
        request(RTM_NEWADDR, s, describe(a));
    }

    /** Deletes an address; fails with EADDRNOTAVAIL if it is not there. */
    public synchronized void deleteAddress(Address a) throws IOException {
        int s = nextSeq();
        AddressCodec.encode(writer(), RTM_DELADDR, NLM_F_REQUEST | NLM_F_ACK, s, a);
        request(RTM_DELADDR, s, describe(a));
    }

    /** Every address of {@code family} (2, 10, or 0 for both). */
    public synchronized List<Address> dumpAddresses(int family) throws IOException {
        int s = nextSeq();
        AddressCodec.encodeDump(writer(), s, family);
        return dump(RTM_GETADDR, s, RTM_NEWADDR, AddressCodec::decode);
    }

    /**
     * The IPv6 link-local address of interface {@code ifindex} (the source of IPv6 VRRP adverts,
     * RFC 5798 §5.1.2.1), or null when it has none yet (it appears shortly after the link comes up).
     */
    public synchronized Inet6Address linkLocal(int ifindex) throws IOException {
        for (Address a : dumpAddresses(10)) {
            if (a.ifindex() == ifindex && a.address() instanceof Inet6Address v6 && v6.isLinkLocalAddress()
                    && (a.flags() & IFA_F_TENTATIVE) == 0) {
                return v6;
            }
        }
        return null;
    }

    public synchronized List<Link> dumpLinks() throws IOException {
        int s = nextSeq();
        LinkCodec.encodeDump(writer(), s);
        return dump(RTM_GETLINK, s, RTM_NEWLINK, LinkCodec::decode);
    }

    /** The link named {@code name}, or null. */
    public synchronized Link link(String name) throws IOException {
        for (Link l : dumpLinks()) {
            if (name.equals(l.name())) {
                return l;
            }
        }
        return null;
    }

    public synchronized void addRoute(Route r) throws IOException {
        int s = nextSeq();
        RouteCodec.encode(writer(), RTM_NEWROUTE, NLM_F_REQUEST | NLM_F_ACK | NLM_F_CREATE | NLM_F_EXCL, s, r);
        request(RTM_NEWROUTE, s, describe(r));
    }

    public synchronized void deleteRoute(Route r) throws IOException {
        int s = nextSeq();
        RouteCodec.encode(writer(), RTM_DELROUTE, NLM_F_REQUEST | NLM_F_ACK, s, r);
        request(RTM_DELROUTE, s, describe(r));
    }

    public synchronized void addRule(Rule r) throws IOException {
        int s = nextSeq();
        RuleCodec.encode(writer(), RTM_NEWRULE, NLM_F_REQUEST | NLM_F_ACK | NLM_F_CREATE | NLM_F_EXCL, s, r);
        request(RTM_NEWRULE, s, describe(r));
    }

    public synchronized void deleteRule(Rule r) throws IOException {
        int s = nextSeq();
        RuleCodec.encode(writer(), RTM_DELRULE, NLM_F_REQUEST | NLM_F_ACK, s, r);
        request(RTM_DELRULE, s, describe(r));
    }

    /** Creates macvlan {@code name} on {@code parentIndex} with {@code mac} in {@code mode} (left down). */
    public synchronized void addMacvlan(String name, int parentIndex, MacAddress mac, int mode) throws IOException {
        int s = nextSeq();
        LinkCodec.encodeMacvlan(writer(), s, name, parentIndex, mac, mode);
        request(RTM_NEWLINK, s, name);
    }

    /** Turns off IPv6 address generation (addrgenmode none) on an existing link. */
    public synchronized void setAddrGenModeNone(int index) throws IOException {
        int s = nextSeq();
        LinkCodec.encodeAddrGenModeNone(writer(), s, index);
        request(RTM_NEWLINK, s, "ifindex " + index);
    }

    /** Sets IFF_UP on or off. */
    public synchronized void setLinkUp(int index, boolean up) throws IOException {
        int s = nextSeq();
        LinkCodec.encodeSetUp(writer(), s, index, up);
        request(RTM_NEWLINK, s, "ifindex " + index);
    }

    public synchronized void deleteLink(int index) throws IOException {
        int s = nextSeq();
        LinkCodec.encodeDelete(writer(), s, index);
        request(RTM_DELLINK, s, "ifindex " + index);
    }

    @Override
    protected NetlinkErrorException refused(String call, String subject, int errno, String kernelMessage) {
        return new NetlinkException(call, subject, errno, kernelMessage);
    }

    private NetlinkMessageWriter writer() {
        return new NetlinkMessageWriter(sendBuffer());
    }

    private void request(int type, int s, String subject) throws IOException {
        exchange(s, false, Rtnetlink.typeName(type), subject, m -> { });
    }

    private <T> List<T> dump(int type, int s, int itemType, Function<NetlinkMessage, T> decoder) throws IOException {
        List<T> out = new ArrayList<>();
        exchange(s, true, Rtnetlink.typeName(type), null, m -> {
            if (m.type() == itemType) {
                out.add(decoder.apply(m));
            }
        });
        return out;
    }

    static String describe(Address a) {
        return a.address().getHostAddress() + "/" + a.prefixLength() + " ifindex " + a.ifindex();
    }

    static String describe(Route r) {
        return r.type().name().toLowerCase() + " " + r.destination().getHostAddress() + "/" + r.prefixLength()
                + (r.gateway() == null ? "" : " via " + r.gateway().getHostAddress())
                + " table " + r.table();
    }

    static String describe(Rule r) {
        return (r.from() == null ? "" : "from " + text(r.from()) + "/" + r.fromLength() + " ")
                + (r.to() == null ? "" : "to " + text(r.to()) + "/" + r.toLength() + " ") + "table " + r.table();
    }

    private static String text(InetAddress a) {
        return a.getHostAddress();
    }
}
