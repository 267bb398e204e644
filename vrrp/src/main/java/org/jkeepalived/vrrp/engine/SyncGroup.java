package org.jkeepalived.vrrp.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A vrrp_sync_group: instances that change state together, as keepalived's vrrp_sync.c does. One
 * member in FAULT takes all to FAULT, and they leave it only when no member's tracked objects fail;
 * a MASTER that yields takes the other masters to BACKUP; and a member whose Master_Down_Timer fires
 * becomes MASTER only once every other member's has fired too (or is MASTER already), then all go
 * together.
 */
public final class SyncGroup {
    private static final Logger LOG = LoggerFactory.getLogger(SyncGroup.class);

    private final String name;
    private final List<VrrpInstance> members;
    private final List<SyncGroupListener> listeners = new ArrayList<>(1);
    private VrrpState state = VrrpState.INIT;

    /** Observer of the group's own transitions (keepalived's GROUP notify scripts). */
    @FunctionalInterface
    public interface SyncGroupListener {
        void onGroupTransition(String group, VrrpState newState, VrrpState previous);
    }

    public SyncGroup(String name, List<VrrpInstance> members) {
        this.name = Objects.requireNonNull(name, "name");
        this.members = List.copyOf(members);
        for (VrrpInstance m : this.members) {
            m.joinGroup(this);
        }
    }

    public String name() {
        return name;
    }

    public List<VrrpInstance> members() {
        return members;
    }

    public VrrpState state() {
        return state;
    }

    public void addListener(SyncGroupListener listener) {
        listeners.add(Objects.requireNonNull(listener));
    }

    boolean anyTrackerFault() {
        for (int i = 0; i < members.size(); i++) {
            if (members.get(i).trackerFault()) {
                return true;
            }
        }
        return false;
    }

    /** Whether every running member either wants MASTER (its down timer fired) or is MASTER. */
    boolean allWantMaster() {
        for (int i = 0; i < members.size(); i++) {
            VrrpInstance m = members.get(i);
            VrrpState s = m.state();
            if (s == VrrpState.FAULT || s == VrrpState.BACKUP && !m.wantsMaster()) {
                return false;
            }
        }
        return true;
    }

    /** Called by a member after a transition of its own (not one this group caused). */
    void memberChanged(VrrpInstance member, VrrpState to, VrrpState from) {
        switch (to) {
            case FAULT -> sync(member, VrrpState.FAULT, VrrpState.BACKUP, VrrpState.MASTER);
            case MASTER -> {
                if (from == VrrpState.FAULT) {
                    syncLeaveFault(member);
                }
                sync(member, VrrpState.MASTER, VrrpState.BACKUP);
            }
            case BACKUP -> {
                if (from == VrrpState.FAULT) {
                    syncLeaveFault(member);
                } else {
                    sync(member, VrrpState.BACKUP, VrrpState.MASTER);
                }
            }
            default -> {
                return; // a member stopping leaves the others as they are
            }
        }
        setState(to);
    }

    private void sync(VrrpInstance cause, VrrpState to, VrrpState... fromStates) {
        boolean logged = false;
        for (int i = 0; i < members.size(); i++) {
            VrrpInstance m = members.get(i);
            if (m != cause && in(m.state(), fromStates)) {
                if (!logged) {
                    LOG.info("VRRP_Group({}) Syncing instances to {} state", name, to);
                    logged = true;
                }
                m.transition(to, TransitionReason.SYNC_GROUP);
            }
        }
    }

    private void syncLeaveFault(VrrpInstance cause) {
        for (int i = 0; i < members.size(); i++) {
            VrrpInstance m = members.get(i);
            if (m != cause && m.state() == VrrpState.FAULT) {
                m.leaveFault(TransitionReason.SYNC_GROUP);
            }
        }
    }

    private void setState(VrrpState to) {
        VrrpState from = state;
        if (from != to) {
            state = to;
            for (int i = 0; i < listeners.size(); i++) {
                listeners.get(i).onGroupTransition(name, to, from);
            }
        }
    }

    private static boolean in(VrrpState s, VrrpState... states) {
        for (VrrpState x : states) {
            if (x == s) {
                return true;
            }
        }
        return false;
    }
}
