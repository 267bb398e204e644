package org.jkeepalived.vrrp.engine;

/**
 * Output port: adds or removes what a MASTER owns, the virtual addresses of {@link InstanceSpec}
 * and the virtual routes and rules that the wiring keeps for the instance of that name.
 */
public interface AddressInstaller {
    /**
     * Called on entering MASTER before the VIPs are set (and before the engine logs {@code setting VIPs.}):
     * what must be in place first, such as keepalived's firewall drop rule.
     */
    default void beforeInstall(InstanceSpec instance) {
    }

    /** Called on entering MASTER. */
    void install(InstanceSpec instance);

    /** Called on leaving MASTER (to BACKUP, FAULT or STOP). */
    void remove(InstanceSpec instance);

    /**
     * Called when a MASTER is reconfigured by a reload: removes what {@code before} owned and {@code after}
     * does not, then installs what {@code after} adds, leaving the addresses both have in place. This default
     * works on the VIP lists only; an installer that also owns routes and rules overrides it.
     */
    default void update(InstanceSpec before, InstanceSpec after) {
        java.util.List<VirtualAddress> gone = new java.util.ArrayList<>(before.virtualAddresses());
        gone.removeAll(after.virtualAddresses());
        java.util.List<VirtualAddress> added = new java.util.ArrayList<>(after.virtualAddresses());
        added.removeAll(before.virtualAddresses());
        if (!gone.isEmpty()) {
            remove(before.withVirtualAddresses(gone));
        }
        if (!added.isEmpty()) {
            install(after.withVirtualAddresses(added));
        }
    }
}
