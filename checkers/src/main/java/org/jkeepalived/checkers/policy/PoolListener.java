package org.jkeepalived.checkers.policy;

import org.jkeepalived.core.config.lvs.RealServer;
import org.jkeepalived.core.config.lvs.VirtualServer;

/** What a {@link VirtualServerPool} tells the outside world: notifies, FIFO lines and pool changes. */
public interface PoolListener {
    /** A real server went up or down: run its notify_up/notify_down, write an {@code RS} FIFO line. */
    void realServerChanged(VirtualServer vs, RealServer rs, boolean up);

    /** The virtual server gained or lost quorum: run quorum_up/quorum_down, write a {@code VS} FIFO line. */
    void quorumChanged(VirtualServer vs, boolean up);

    /** The destinations the pool wants in IPVS changed. */
    void destinationsChanged(VirtualServerPool pool);
}
