package org.jkeepalived.vrrp.engine;

import java.util.ArrayList;
import java.util.List;
import org.jkeepalived.vrrp.packet.AddressText;

/**
 * A reloaded configuration applied to a running instance in place (SIGHUP), as keepalived 2.2.7 does for an
 * instance that keeps its name and virtual router: no transition of its own and no notification. A MASTER
 * logs the VIPs dropped ({@link #droppedAddressLines}) and {@code setting VIPs.}, removes only those VIPs
 * (routes, rules) and installs only those added ({@link AddressInstaller#update}), sends its gratuitous ARPs
 * again, and advertises the new VIP list, priority and interval from the next advert on. Tracked objects
 * tracked before keep their status, new ones start as at start-up; the effective priority is recomputed
 * without a "Changing effective priority" line, and a tracker now holding the instance in FAULT (or no
 * longer) moves it as any tracker change does. A changed priority otherwise acts through the election: a
 * MASTER now below its backup loses by preemption, a BACKUP now above the master preempts on its next advert.
 *
 * @param before the configuration the instance runs
 * @param next   the reloaded one, for the same virtual router
 */
record Reconfiguration(InstanceSpec before, InstanceSpec next) {
    /**
     * @throws IllegalArgumentException when {@code next} is another virtual router
     *                                  ({@link InstanceSpec#sameRouterAs}): that takes a stop and a start
     */
    Reconfiguration {
        if (!before.sameRouterAs(next)) {
            throw new IllegalArgumentException("(" + before.name() + ") cannot be reconfigured in place into "
                    + next.name() + " VRID " + next.vrid());
        }
    }

    /** keepalived's line for each virtual address the reload dropped, in configuration order. */
    List<String> droppedAddressLines() {
        List<String> lines = new ArrayList<>();
        for (VirtualAddress v : before.virtualAddresses()) {
            if (!next.virtualAddresses().contains(v)) {
                lines.add("ip address " + AddressText.of(v.address()) + "/" + v.prefixLength() + " dev "
                        + (v.device() != null ? v.device() : next.interfaceName()) + ", no longer exist");
            }
        }
        return lines;
    }

    boolean intervalChanged() {
        return before.advertIntervalMicros() != next.advertIntervalMicros();
    }
}
