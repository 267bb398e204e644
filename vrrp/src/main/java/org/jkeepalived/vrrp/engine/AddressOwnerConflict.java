package org.jkeepalived.vrrp.engine;

import java.util.function.Consumer;

/**
 * keepalived 2.2.7's answer to two address owners on one virtual router: a MASTER at priority 255 that hears
 * another router advertise 255 (from another address) calls it a configuration error and lowers itself to 254, so
 * the ordinary comparison that follows makes it yield (RFC 5798 has only one owner per VRID, §5.2.4). Checked
 * against the binary with two nodes in namespaces: the one that hears the other first logs the error, goes BACKUP
 * ("Master received advert from ... with higher priority 255, ours 254") and stays there; the other stays MASTER.
 */
final class AddressOwnerConflict {
    private AddressOwnerConflict() {
    }

    /**
     * The MASTER's effective priority after an advert of {@code received} priority from another address: 254
     * (logged) when both are owners, else {@code effective} unchanged.
     */
    static int priorityAfter(int received, int effective, Consumer<String> log) {
        if (received != InstanceSpec.PRIORITY_OWNER || effective != InstanceSpec.PRIORITY_OWNER) {
            return effective;
        }
        log.accept("CONFIGURATION ERROR: local instance and a remote instance are both configured as address"
                + " owner, please fix - reducing local priority");
        return InstanceSpec.PRIORITY_OWNER - 1;
    }
}
