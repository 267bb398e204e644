package org.jkeepalived.vrrp.router;

import org.jkeepalived.vrrp.engine.AddressInstaller;
import org.jkeepalived.vrrp.engine.Announcer;
import org.jkeepalived.vrrp.engine.InstanceSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The address installer and announcer one running instance uses, following its plan across reloads: the
 * kernel side ({@link VrrpNetwork#installer}, {@link VrrpNetwork#announcer}) is made per plan, so a reload
 * that reconfigures the instance in place swaps them here ({@link #follow}) and a MASTER's
 * {@link #update} applies only the {@link OwnedDelta} between the two plans. Removal is skipped on a stop
 * with -V ({@link #keep}). A {@code no_accept} instance's {@link DropRule} goes into the firewall before its
 * VIPs and out after them, as keepalived sets and removes its "firewall drop rule".
 */
final class InstancePorts implements AddressInstaller, Announcer {
    private static final Logger LOG = LoggerFactory.getLogger(InstancePorts.class);

    private final VrrpNetwork network;
    private InstancePlan plan;
    private InstancePlan previous;
    private AddressInstaller installer;
    private Announcer announcer;
    /** -V: leave the addresses in place when the instance stops. */
    boolean keep;

    InstancePorts(VrrpNetwork network, InstancePlan plan) {
        this.network = network;
        this.plan = plan;
        this.previous = plan;
        this.installer = network.installer(plan);
        this.announcer = network.announcer(plan);
    }

    /** Switches to a reloaded plan of the same instance; the next {@link #update} goes from the old one. */
    void follow(InstancePlan next) {
        previous = plan;
        plan = next;
        installer = network.installer(next);
        announcer = network.announcer(next);
    }

    /** keepalived 2.2.7 logs {@code setting firewall drop rule} before {@code setting VIPs.} (checked with -D). */
    @Override
    public void beforeInstall(InstanceSpec instance) {
        plan.dropRule().ifPresent(r -> {
            LOG.info("({}) setting firewall drop rule", plan.name());
            network.firewall().setDropRule(r);
        });
    }

    @Override
    public void install(InstanceSpec instance) {
        installer.install(instance);
    }

    @Override
    public void remove(InstanceSpec instance) {
        if (!keep) {
            installer.remove(instance);
            plan.dropRule().ifPresent(r -> {
                LOG.info("({}) removing firewall drop rule", plan.name());
                network.firewall().removeDropRule(r);
            });
        }
    }

    @Override
    public void update(InstanceSpec before, InstanceSpec after) {
        OwnedDelta delta = OwnedDelta.of(previous.config(), plan.config());
        if (!OwnedDelta.empty(delta.removed())) {
            network.installer(withConfig(previous, delta.removed())).remove(before);
        }
        previous.dropRule().map(r -> r.minus(plan.dropRule())).filter(r -> !r.addresses().isEmpty())
                .ifPresent(network.firewall()::removeDropRule);
        plan.dropRule().map(r -> r.minus(previous.dropRule())).filter(r -> !r.addresses().isEmpty())
                .ifPresent(network.firewall()::setDropRule);
        if (!OwnedDelta.empty(delta.added())) {
            network.installer(withConfig(plan, delta.added())).install(after);
        }
    }

    @Override
    public void announce(InstanceSpec instance, int repeat) {
        announcer.announce(instance, repeat);
    }

    private static InstancePlan withConfig(InstancePlan p, org.jkeepalived.core.config.vrrp.VrrpInstance config) {
        return new InstancePlan(config, p.spec(), p.expectations(), p.baseInterface(), p.vmacName(),
                p.announceIntervalNanos(), p.dropRule());
    }
}
