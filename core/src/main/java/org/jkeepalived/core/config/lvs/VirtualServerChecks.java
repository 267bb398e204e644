package org.jkeepalived.core.config.lvs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jkeepalived.core.config.ConfigNode;
import org.jkeepalived.core.config.Diagnostics;
import org.jkeepalived.core.config.SourceLocation;
import org.jkeepalived.core.config.lvs.Forwarding.Method;
import org.jkeepalived.core.config.lvs.VirtualServerReader.Draft;

/**
 * The checks keepalived makes once a virtual server has been read (its {@code validate_check_config}): missing
 * protocol, scheduler or method, ports that IPVS cannot honour, duplicate real servers, quorum against weight.
 * Each reports what keepalived reports and builds the server keepalived would then use.
 */
final class VirtualServerChecks {
    private VirtualServerChecks() {
    }

    static Optional<VirtualServer> finish(Draft b, Diagnostics d) {
        SourceLocation at = b.node.location();
        String kw = b.node.keyword();
        boolean fwmark = b.target instanceof VirtualServerTarget.Fwmark;
        // For protocol and ports a group of firewall marks only is a fwmark service too, as keepalived has it.
        boolean marksOnly = fwmark || (b.group.isPresent()
                && b.group.get().entries().stream().allMatch(e -> e instanceof VirtualServerGroup.Fwmark));
        int vsPort = b.target instanceof VirtualServerTarget.Address a ? a.port() : 0;
        String name = b.target.toString();

        if (b.realServers.isEmpty()) {
            d.error(at, kw, "virtual server " + name + " has no real servers; virtual server ignored");
            return Optional.empty();
        }
        if (fwmark && b.haSuspend) {
            d.warning(at, "ha_suspend", "virtual server " + name + ": ha_suspend cannot be used with a fwmark; cleared");
            b.haSuspend = false;
        }
        Protocol protocol;
        if (marksOnly) {
            if (b.protocol.isPresent()) {
                d.warning(b.protocolNode, "virtual server " + name + ": protocol is ignored for a fwmark service");
            }
            protocol = b.protocol.orElse(Protocol.TCP);
        } else if (b.protocol.isEmpty()) {
            // keepalived 2.2.7 says so and does so, although TCP is what most configs mean.
            d.warning(at, "protocol", "virtual server " + name + ": no protocol set; using UDP");
            protocol = Protocol.UDP;
        } else {
            protocol = b.protocol.get();
        }
        if (b.flags.contains(SchedulerFlag.OPS) && protocol != Protocol.UDP && !fwmark) {
            d.warning(b.opsNode, "virtual server " + name + ": one-packet scheduling (ops) requires UDP; cleared");
            b.flags.remove(SchedulerFlag.OPS);
        }
        if (!fwmark && vsPort == 0 && b.target instanceof VirtualServerTarget.Address && b.persistenceTimeout.isEmpty()) {
            d.warning(at, kw, "virtual server " + name + ": port 0 is only valid for persistent services; using"
                    + " persistence_timeout " + VirtualServer.DEFAULT_PERSISTENCE_TIMEOUT.toSeconds());
            b.persistenceTimeout = Optional.of(VirtualServer.DEFAULT_PERSISTENCE_TIMEOUT);
        }
        if (b.scheduler.isEmpty()) {
            d.warning(at, "lvs_sched", "virtual server " + name + ": no scheduler set; using '"
                    + VirtualServer.DEFAULT_SCHEDULER + "'");
        }
        if (b.forwarding.isEmpty()) {
            d.warning(at, "lvs_method", "virtual server " + name + ": no forwarding method set; using NAT");
        }
        Forwarding vsForwarding = b.forwarding.orElse(Forwarding.NAT);
        List<RealServer> rss = realServers(b, vsForwarding, marksOnly, vsPort, name, d);

        Optional<SorryServer> sorry = sorryServer(b, vsForwarding, marksOnly, vsPort, name, rss, d);
        long total = rss.stream().mapToLong(RealServer::weight).sum();
        if (b.quorum > total) {
            d.warning(at, "quorum", "quorum " + b.quorum + " for " + name + " exceeds the total weight of its real"
                    + " servers " + total + "; using " + total);
            b.quorum = total;
        }
        if (b.hysteresis >= b.quorum) {
            // With quorum 0 keepalived 2.2.7 wraps round to 4294967295; 0 is what that can only have meant.
            long used = Math.max(0, b.quorum - 1);
            d.warning(at, "hysteresis", "virtual server " + name + ": hysteresis " + b.hysteresis + " >= quorum "
                    + b.quorum + "; using " + used);
            b.hysteresis = used;
        }
        return Optional.of(new VirtualServer(b.target, protocol, b.scheduler.orElse(VirtualServer.DEFAULT_SCHEDULER),
                b.flags, vsForwarding, b.persistenceTimeout, b.persistenceGranularity, b.persistenceEngine, b.family,
                b.haSuspend, b.smtpAlert, b.virtualhost, b.snmpName, b.omega, b.quorum, b.hysteresis, b.quorumUp,
                b.quorumDown, b.inhibitOnFailure, b.weight, b.checkDefaults(), sorry, rss, at));
    }

    private static List<RealServer> realServers(Draft b, Forwarding vsForwarding, boolean fwmark, int vsPort,
                                                String name, Diagnostics d) {
        List<RealServer> out = new ArrayList<>();
        Map<String, SourceLocation> seen = new HashMap<>();
        for (RealServerReader.Draft rs : b.realServers) {
            Method m = rs.forwarding(vsForwarding).method();
            String rsName = LvsArguments.format(rs.address, rs.port);
            if (m != Method.NAT) {
                if (fwmark && rs.port != 0) {
                    d.warning(rs.node, "fwmark virtual server " + name + ": real server " + rsName
                            + " has a port, which " + m + " forwarding cannot use; port cleared");
                    rs.port = 0;
                } else if (b.group.isPresent()) {
                    groupPorts(b.group.get(), rs.port, "real server " + rsName, m, rs.node, d);
                } else if (!fwmark && rs.port != vsPort) {
                    if (rs.port != 0) {
                        d.warning(rs.node, "virtual server " + name + " and real server " + rsName + " ports differ,"
                                + " which " + m + " forwarding cannot do; using port " + vsPort);
                    }
                    rs.port = vsPort;
                }
            }
            String key = LvsArguments.text(rs.address) + "/" + rs.port;
            SourceLocation first = seen.putIfAbsent(key, rs.node.location());
            if (first != null) {
                d.error(rs.node, "real server " + LvsArguments.format(rs.address, rs.port) + " of " + name
                        + " is a duplicate of the one at " + first + "; removed");
                continue;
            }
            out.add(rs.build(vsForwarding, b.checkDefaults(), b.virtualhost, b.inhibitOnFailure));
        }
        return out;
    }

    private static Optional<SorryServer> sorryServer(Draft b, Forwarding vsForwarding, boolean fwmark, int vsPort,
                                                     String name, List<RealServer> rss, Diagnostics d) {
        if (b.sorryNode == null) {
            return Optional.empty();
        }
        Forwarding f = b.sorryForwarding.orElse(vsForwarding);
        IpFamily fam = IpFamily.of(b.sorryAddress);
        if (f.method() != Method.TUN && b.family.isPresent() && b.family.get() != fam) {
            d.error(b.sorryNode, "address family of sorry server " + LvsArguments.text(b.sorryAddress)
                    + " does not match the virtual server's; sorry server skipped");
            return Optional.empty();
        }
        int port = b.sorryPort;
        if (f.method() != Method.NAT) {
            if (fwmark && port != 0) {
                d.warning(b.sorryNode, "fwmark virtual server " + name + ": sorry server has a port, which "
                        + f.method() + " forwarding cannot use; port cleared");
                port = 0;
            } else if (b.group.isPresent()) {
                groupPorts(b.group.get(), port, "sorry server " + LvsArguments.format(b.sorryAddress, port), f.method(),
                        b.sorryNode, d);
            } else if (!fwmark && port != vsPort) {
                if (port != 0) {
                    d.warning(b.sorryNode, "virtual server " + name + " and sorry server ports differ, which "
                            + f.method() + " forwarding cannot do; using port " + vsPort);
                }
                port = vsPort;
            }
        }
        boolean inhibit = b.sorryInhibit;
        for (RealServer rs : rss) {
            if (rs.address().equals(b.sorryAddress) && rs.port() == port && rs.inhibitOnFailure() != inhibit) {
                d.warning(b.sorryNode, "virtual server " + name + ": real server " + LvsArguments.format(rs.address(),
                        port) + " is also the sorry server but with a different inhibit setting; "
                        + (rs.inhibitOnFailure() ? "setting" : "clearing") + " sorry_server_inhibit");
                inhibit = rs.inhibitOnFailure();
            }
        }
        return Optional.of(new SorryServer(b.sorryAddress, port, inhibit, f, b.sorryNode.location()));
    }

    /**
     * Without NAT a real server answers on the port the client asked for, so each address of a group must use the
     * real server's port (port 0 on the real server means "the same"). keepalived reports each entry that differs
     * and, unlike for a single address, cannot pick one port for all, so the server is kept as written.
     */
    private static void groupPorts(VirtualServerGroup group, int port, String what, Method m, ConfigNode at,
                                   Diagnostics d) {
        if (port == 0) {
            return;
        }
        for (VirtualServerGroup.Entry e : group.entries()) {
            if (e instanceof VirtualServerGroup.AddressRange r && r.port() != port) {
                String range = LvsArguments.text(r.first()) + (r.first().equals(r.last()) ? ""
                        : "-" + LvsArguments.text(r.last()));
                d.error(at, "virtual server group " + group.name() + " entry " + range + " port " + r.port() + " and "
                        + what + " ports differ, which " + m + " forwarding cannot do");
            }
        }
    }
}
