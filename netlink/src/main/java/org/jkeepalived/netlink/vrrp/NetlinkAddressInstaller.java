package org.jkeepalived.netlink.vrrp;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.jkeepalived.core.config.vrrp.VirtualIpAddress;
import org.jkeepalived.core.config.vrrp.VirtualRoute;
import org.jkeepalived.core.config.vrrp.VirtualRule;
import org.jkeepalived.netlink.rtnl.Address;
import org.jkeepalived.netlink.rtnl.Route;
import org.jkeepalived.netlink.rtnl.RtnetlinkSocket;
import org.jkeepalived.netlink.rtnl.Rule;
import org.jkeepalived.netlink.sys.Errno;
import org.jkeepalived.netlink.sys.ErrnoException;
import org.jkeepalived.netlink.sys.Interfaces;
import org.jkeepalived.vrrp.engine.AddressInstaller;
import org.jkeepalived.vrrp.engine.InstanceSpec;
import org.jkeepalived.vrrp.router.InstancePlan;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adds and removes what one MASTER owns through rtnetlink, as {@code ip addr/route/rule add|del}
 * would: its virtual_ipaddress and virtual_ipaddress_excluded (on {@code dev}, else the instance's
 * interface or vmac), then its virtual_routes and virtual_rules. An address or route that is already
 * there (EEXIST) or already gone (EADDRNOTAVAIL, ESRCH, ENOENT) is no error: another router or an
 * earlier run may have left it. Other failures are logged and the rest goes on.
 */
final class NetlinkAddressInstaller implements AddressInstaller {
    private static final Logger LOG = LoggerFactory.getLogger(NetlinkAddressInstaller.class);

    private final RtnetlinkSocket rtnl;
    private final InstancePlan plan;

    NetlinkAddressInstaller(RtnetlinkSocket rtnl, InstancePlan plan) {
        this.rtnl = rtnl;
        this.plan = plan;
    }

    @Override
    public void install(InstanceSpec instance) {
        for (VirtualIpAddress v : addresses()) {
            apply(true, "address " + v.cidr(), () -> rtnl.addAddress(address(v)));
        }
        for (VirtualRoute r : plan.config().virtualRoutes()) {
            apply(true, "route " + r.destination(), () -> rtnl.addRoute(route(r)));
        }
        for (VirtualRule r : plan.config().virtualRules()) {
            apply(true, "rule " + r.from().orElse("") + " " + r.to().orElse(""), () -> rtnl.addRule(KernelObjects.rule(r)));
        }
    }

    @Override
    public void remove(InstanceSpec instance) {
        for (VirtualRule r : plan.config().virtualRules()) {
            apply(false, "rule " + r.from().orElse("") + " " + r.to().orElse(""),
                    () -> rtnl.deleteRule(KernelObjects.rule(r)));
        }
        for (VirtualRoute r : plan.config().virtualRoutes()) {
            apply(false, "route " + r.destination(), () -> rtnl.deleteRoute(route(r)));
        }
        for (VirtualIpAddress v : addresses()) {
            apply(false, "address " + v.cidr(), () -> rtnl.deleteAddress(address(v)));
        }
    }

    private List<VirtualIpAddress> addresses() {
        List<VirtualIpAddress> all = new ArrayList<>(plan.config().virtualIpAddresses());
        all.addAll(plan.config().excludedIpAddresses());
        return all;
    }

    private Address address(VirtualIpAddress v) throws ErrnoException {
        String dev = v.dev().orElse(plan.interfaceName());
        return KernelObjects.address(v, Interfaces.indexOf(dev));
    }

    private static Route route(VirtualRoute r) {
        return KernelObjects.route(r, name -> {
            try {
                return Interfaces.indexOf(name);
            } catch (ErrnoException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
        });
    }

    private interface Request {
        void run() throws IOException;
    }

    private void apply(boolean add, String what, Request request) {
        try {
            request.run();
        } catch (ErrnoException e) {
            Errno errno = e.errnoConstant();
            boolean harmless = add ? errno == Errno.EEXIST
                    : errno == Errno.EADDRNOTAVAIL || errno == Errno.ESRCH || errno == Errno.ENOENT;
            if (!harmless) {
                LOG.error("({}) cannot {} {}: {}", plan.name(), add ? "add" : "remove", what, e.getMessage());
            }
        } catch (IOException | IllegalArgumentException e) {
            LOG.error("({}) cannot {} {}: {}", plan.name(), add ? "add" : "remove", what, e.getMessage());
        }
    }
}
