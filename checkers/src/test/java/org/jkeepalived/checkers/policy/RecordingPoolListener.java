package org.jkeepalived.checkers.policy;

import java.util.ArrayList;
import java.util.List;

import org.jkeepalived.core.config.lvs.RealServer;
import org.jkeepalived.core.config.lvs.VirtualServer;

/** Records what a pool reports, as readable strings. */
public final class RecordingPoolListener implements PoolListener {
    public final List<String> events = new ArrayList<>();
    public int changes;

    @Override
    public void realServerChanged(VirtualServer vs, RealServer rs, boolean up) {
        events.add("RS " + LvsNames.rs(rs.address(), rs.port(), vs) + " " + (up ? "UP" : "DOWN"));
    }

    @Override
    public void quorumChanged(VirtualServer vs, boolean up) {
        events.add("VS " + LvsNames.vs(vs) + " " + (up ? "UP" : "DOWN"));
    }

    @Override
    public void destinationsChanged(VirtualServerPool pool) {
        changes++;
    }
}
