package org.jkeepalived.ipvs;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The kernel's IPVS table, as a port: the checker child changes it only through this interface, which the generic
 * netlink client ({@code org.jkeepalived.ipvs.genl.GenlIpvsTable}) implements and tests replace with an in-memory
 * table. Every method is one kernel request (or one dump); refusals are {@link IpvsException}s.
 */
public interface IpvsTable {

    /** IPVS version and connection table size. */
    IpvsInfo info() throws IOException;

    /** Every service with its statistics but without destinations (theirs are empty). */
    List<ServiceDump> services() throws IOException;

    /** The destinations of one service with their statistics; ESRCH when the service does not exist. */
    List<DestinationDump> destinations(ServiceKey service) throws IOException;

    /** Every service with its destinations and statistics. */
    default List<ServiceDump> dump() throws IOException {
        List<ServiceDump> out = new ArrayList<>();
        for (ServiceDump s : services()) {
            out.add(new ServiceDump(s.service(), s.stats(), destinations(s.service().key())));
        }
        return out;
    }

    /** The table's rules without counters. */
    default IpvsRules rules() throws IOException {
        return IpvsRules.fromDump(dump());
    }

    /** Adds a service without destinations; EEXIST when its key is taken, ENOENT for an unknown scheduler. */
    void addService(Service service) throws IOException;

    /** Changes scheduler, flags and persistence of an existing service in place (its counters are kept). */
    void editService(Service service) throws IOException;

    /** Deletes a service with its destinations. */
    void deleteService(ServiceKey service) throws IOException;

    void addDestination(ServiceKey service, Destination destination) throws IOException;

    /** Changes forwarding, weight and thresholds of an existing destination in place. */
    void editDestination(ServiceKey service, Destination destination) throws IOException;

    void deleteDestination(ServiceKey service, DestinationKey destination) throws IOException;

    /** Deletes every service (ipvsadm -C). */
    void flush() throws IOException;
}
