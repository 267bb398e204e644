package org.jkeepalived.ipvs;

import java.io.IOException;
import java.util.Objects;

/** One change to the IPVS table, as the {@link Reconciler} plans it; {@code toString()} reads like ipvsadm. */
public sealed interface IpvsOperation {

    /** The service the operation is about. */
    ServiceKey serviceKey();

    /** Performs the operation (one kernel request). */
    void applyTo(IpvsTable table) throws IOException;

    record AddService(Service service) implements IpvsOperation {
        public AddService {
            Objects.requireNonNull(service, "service");
        }

        public ServiceKey serviceKey() {
            return service.key();
        }

        public void applyTo(IpvsTable t) throws IOException {
            t.addService(service);
        }

        @Override
        public String toString() {
            return "add service " + service.key() + " " + service.scheduler();
        }
    }

    record EditService(Service service) implements IpvsOperation {
        public EditService {
            Objects.requireNonNull(service, "service");
        }

        public ServiceKey serviceKey() {
            return service.key();
        }

        public void applyTo(IpvsTable t) throws IOException {
            t.editService(service);
        }

        @Override
        public String toString() {
            return "edit service " + service.key() + " " + service.scheduler();
        }
    }

    record DeleteService(ServiceKey serviceKey) implements IpvsOperation {
        public DeleteService {
            Objects.requireNonNull(serviceKey, "serviceKey");
        }

        public void applyTo(IpvsTable t) throws IOException {
            t.deleteService(serviceKey);
        }

        @Override
        public String toString() {
            return "delete service " + serviceKey;
        }
    }

    record AddDestination(ServiceKey serviceKey, Destination destination) implements IpvsOperation {
        public AddDestination {
            Objects.requireNonNull(serviceKey, "serviceKey");
            Objects.requireNonNull(destination, "destination");
        }

        public void applyTo(IpvsTable t) throws IOException {
            t.addDestination(serviceKey, destination);
        }

        @Override
        public String toString() {
            return "add destination " + destination.key() + " weight " + destination.weight() + " to " + serviceKey;
        }
    }

    record EditDestination(ServiceKey serviceKey, Destination destination) implements IpvsOperation {
        public EditDestination {
            Objects.requireNonNull(serviceKey, "serviceKey");
            Objects.requireNonNull(destination, "destination");
        }

        public void applyTo(IpvsTable t) throws IOException {
            t.editDestination(serviceKey, destination);
        }

        @Override
        public String toString() {
            return "edit destination " + destination.key() + " weight " + destination.weight() + " of " + serviceKey;
        }
    }

    record DeleteDestination(ServiceKey serviceKey, DestinationKey destination) implements IpvsOperation {
        public DeleteDestination {
            Objects.requireNonNull(serviceKey, "serviceKey");
            Objects.requireNonNull(destination, "destination");
        }

        public void applyTo(IpvsTable t) throws IOException {
            t.deleteDestination(serviceKey, destination);
        }

        @Override
        public String toString() {
            return "delete destination " + destination + " from " + serviceKey;
        }
    }
}
