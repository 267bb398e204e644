package org.jkeepalived.watchdog.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jkeepalived.vrrp.engine.VrrpInstance;
import org.jkeepalived.vrrp.packet.VrrpStats;
import org.jkeepalived.vrrp.router.VrrpRouter;

/**
 * One running VRRP instance with its counters, as the status renderers read it. Read it on the router's scheduler
 * thread only: the engine is single-threaded.
 *
 * @param instance the state machine
 * @param stats    its keepalived counters ({@code vrrp_stats}); empty counters when the router has none for it
 */
public record InstanceView(VrrpInstance instance, VrrpStats stats) {
    public InstanceView {
        Objects.requireNonNull(instance, "instance");
        stats = stats != null ? stats : new VrrpStats();
    }

    /** Every instance of a running router. */
    public static List<InstanceView> of(VrrpRouter router) {
        List<InstanceView> out = new ArrayList<>();
        for (VrrpInstance i : router.instances()) {
            out.add(new InstanceView(i, router.stats(i.name())));
        }
        return out;
    }
}
