package org.jkeepalived.core.config.vrrp;

import java.time.Duration;
import org.jkeepalived.core.config.Diagnostics;

/**
 * The rules keepalived 2.2.7 applies to an instance's state, priority, authentication and preemption once its
 * block is read ({@code vrrp_complete_instance}), including what {@code vrrp_strict} / {@code strict_mode} forbid.
 * Each broken rule is reported as keepalived reports it at {@code -t} (a warning here: keepalived goes on with the
 * setting reset) and the builder is reset the same way.
 *
 * <p>Checked against the binary: strict mode does <em>not</em> reject unicast peers at {@code -t} (the check
 * needs the interface's multicast flag, which keepalived 2.2.7 does not consult there), so neither do we.
 */
final class InstanceRules {
    private static final int OWNER = 255;

    private InstanceRules() {
    }

    /** Applies the rules in keepalived's order; returns the VRRP version the instance ends up with. */
    static int apply(InstanceBuilder b, boolean strict, int configuredVersion, Diagnostics d) {
        int version = configuredVersion;
        if (Boolean.TRUE.equals(b.ipv6) && b.version != null && b.version == 2 && strict) {
            d.warning(b.at("version"), "version", b.tag() + "cannot use IPv6 with VRRP version 2; setting version 3");
        }
        ownerState(b, strict, d);
        authentication(b, strict, version, d);
        if (strict && Boolean.TRUE.equals(b.ipv6) && b.unicastPeers.isEmpty() && !b.vips.isEmpty()
                && !b.vips.get(0).address().isLinkLocalAddress()) {
            d.warning(b.vips.get(0).location(), "virtual_ipaddress", b.tag()
                    + "the first IPv6 VIP address must be link local");
        }
        preemptDelay(b, strict, d);
        if (strict) {
            strictAdverts(b, version, d);
        }
        return version;
    }

    /** Derives whichever of state and priority is missing from the other; strict mode wants them to agree. */
    private static void ownerState(InstanceBuilder b, boolean strict, Diagnostics d) {
        if (!b.written.containsKey("priority") && b.state == VrrpState.MASTER) {
            b.priority = OWNER;
        }
        if (b.state == null) {
            b.state = b.priority == OWNER ? VrrpState.MASTER : VrrpState.BACKUP;
        } else if (strict && (b.state == VrrpState.MASTER) != (b.priority == OWNER)) {
            d.warning(b.at("state"), "state", b.tag() + "State MASTER must match being address owner (priority 255)"
                    + " in strict mode - using " + (b.priority == OWNER ? "MASTER" : "BACKUP"));
            b.state = b.priority == OWNER ? VrrpState.MASTER : VrrpState.BACKUP;
        }
    }

    private static void authentication(InstanceBuilder b, boolean strict, int version, Diagnostics d) {
        Authentication a = b.authentication;
        if (a == null) {
            return;
        }
        String why;
        if (strict) {
            why = "Strict mode does not support authentication. Ignoring.";
        } else if (version == 3) {
            why = "VRRP version 3 does not support authentication. Ignoring.";
        } else if (a.password().isEmpty()) {
            why = "Authentication specified but no password given. Ignoring";
        } else if (Boolean.TRUE.equals(b.ipv6) && a.type() == Authentication.Type.AH) {
            why = "Cannot use AH authentication with IPv6 - ignoring";
        } else {
            if (a.type() == Authentication.Type.AH && b.state == VrrpState.MASTER && b.priority != OWNER) {
                // keepalived must see an advert (for the AH sequence number) before it may take over.
                d.warning(b.at("state"), "state", b.tag() + "Initial state master is incompatible with AH"
                        + " authentication - clearing");
                b.state = VrrpState.BACKUP;
            }
            return;
        }
        d.warning(a.location(), "authentication", b.tag() + why);
        b.authentication = null;
    }

    private static void preemptDelay(InstanceBuilder b, boolean strict, Diagnostics d) {
        if (b.preemptDelay.isZero()) {
            return;
        }
        String why = null;
        if (b.state == VrrpState.MASTER) {
            why = "preempt delay will not work with initial state MASTER - clearing";
        } else if (strict) {
            why = "preempt_delay is incompatible with strict mode - resetting";
        } else if (b.nopreempt && b.priority != OWNER) {
            why = "preempt_delay is incompatible with nopreempt mode - resetting";
        }
        if (why != null) {
            d.warning(b.at("preempt_delay"), "preempt_delay", b.tag() + why);
            b.preemptDelay = Duration.ZERO;
        }
    }

    /** Strict mode's advert and ARP policies: an explicit setting against them is reset. */
    private static void strictAdverts(InstanceBuilder b, int version, Diagnostics d) {
        if (Boolean.TRUE.equals(b.accept) && b.priority != OWNER && version == 2) {
            d.warning(b.at("accept"), "accept", b.tag() + "accept mode for VRRP version 2 does not comply with"
                    + " RFC3768 - resetting");
            b.accept = false;
        }
        if (b.garpLowerPrioRepeat != null && b.garpLowerPrioRepeat != 0) {
            d.warning(b.at("garp_lower_prio_repeat"), "garp_lower_prio_repeat", b.tag()
                    + "Strict mode requires no repeat garps. resetting");
            b.garpLowerPrioRepeat = 0;
        }
        if (b.garpLowerPrioDelay != null && !b.garpLowerPrioDelay.isZero()) {
            d.warning(b.at("garp_lower_prio_delay"), "garp_lower_prio_delay", b.tag()
                    + "Strict mode requires no repeat garp delay. resetting");
            b.garpLowerPrioDelay = Duration.ZERO;
        }
        if (Boolean.FALSE.equals(b.lowerPrioNoAdvert)) {
            d.warning(b.at("lower_prio_no_advert"), "lower_prio_no_advert", b.tag()
                    + "Strict mode requires no lower priority advert. resetting");
            b.lowerPrioNoAdvert = true;
        }
        if (Boolean.TRUE.equals(b.higherPrioSendAdvert)) {
            d.warning(b.at("higher_prio_send_advert"), "higher_prio_send_advert", b.tag()
                    + "strict mode requires higher_prio_send_advert to be clear. resetting");
            b.higherPrioSendAdvert = false;
        }
        if (b.vmacXmitBase && b.useVmac != null) {
            d.warning(b.at("vmac_xmit_base"), "vmac_xmit_base", b.tag() + "xmit_base is incompatible with strict"
                    + " mode - resetting");
            b.vmacXmitBase = false;
        }
    }
}
