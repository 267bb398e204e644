package org.jkeepalived.vrrp.engine;

/**
 * Output port: adds or removes what a MASTER owns, the virtual addresses of {@link InstanceSpec}
 * and the virtual routes and rules that the wiring keeps for the instance of that name.
 */
public interface AddressInstaller {
    /** Called on entering MASTER. */
    void install(InstanceSpec instance);

    /** Called on leaving MASTER (to BACKUP, FAULT or STOP). */
    void remove(InstanceSpec instance);
}
