package org.jkeepalived.vrrp.router;

/**
 * Output port: the firewall that carries each {@code no_accept} MASTER's {@link DropRule} (keepalived's nftables
 * table). Calls come from the scheduler thread in the order the VIPs come and go; the implementation may apply
 * them later but must keep that order. {@link #close} removes everything it installed.
 */
public interface VipFirewall {
    /** A firewall that installs nothing, for networks without one. */
    VipFirewall NONE = new VipFirewall() {
        @Override
        public void setDropRule(DropRule rule) {
        }

        @Override
        public void removeDropRule(DropRule rule) {
        }

        @Override
        public void close() {
        }
    };

    /** Starts dropping packets to the rule's addresses (before its VIPs are added). */
    void setDropRule(DropRule rule);

    /** Stops dropping them (after the VIPs are gone); addresses never set are ignored. */
    void removeDropRule(DropRule rule);

    /** Removes the tables this firewall created; called once the instances have stopped. */
    void close();
}
