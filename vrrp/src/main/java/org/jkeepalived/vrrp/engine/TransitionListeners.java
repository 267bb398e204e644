package org.jkeepalived.vrrp.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The listeners of one instance, each told of every event in the order they were added. */
final class TransitionListeners implements TransitionListener {
    private final List<TransitionListener> all = new ArrayList<>(2);

    void add(TransitionListener listener) {
        all.add(Objects.requireNonNull(listener));
    }

    @Override
    public void onTransition(String instance, VrrpState newState, VrrpState previous, TransitionReason reason,
                             int effectivePriority) {
        for (int i = 0; i < all.size(); i++) {
            all.get(i).onTransition(instance, newState, previous, reason, effectivePriority);
        }
    }

    @Override
    public void onMasterReceivedLowerPriority(String instance, int advertPriority) {
        for (int i = 0; i < all.size(); i++) {
            all.get(i).onMasterReceivedLowerPriority(instance, advertPriority);
        }
    }

    @Override
    public void onPriorityChanged(String instance, VrrpState state, int effectivePriority) {
        for (int i = 0; i < all.size(); i++) {
            all.get(i).onPriorityChanged(instance, state, effectivePriority);
        }
    }
}
