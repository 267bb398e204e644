package org.jkeepalived.ipvs;

import java.io.IOException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One change to the IPVS table, as the {@link Reconciler} plans it: add, edit or delete a service or one of its
 * destinations; {@code toString()} reads like ipvsadm. Adding or editing carries the new value, deleting only the
 * key.
 */
public sealed interface IpvsOperation {

    /** What the operation does; a delete carries no value. */
    enum Verb {
        ADD("to"), EDIT("of"), DELETE("from");

        private final String preposition;

        Verb(String preposition) {
            this.preposition = preposition;
        }

        String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    Verb verb();

    /** The service the operation is about. */
    ServiceKey serviceKey();

    /** Performs the operation (one kernel request). */
    void applyTo(IpvsTable table) throws IOException;

    static IpvsOperation addService(Service s) {
        return new OnService(Verb.ADD, s.key(), Optional.of(s));
    }

    static IpvsOperation editService(Service s) {
        return new OnService(Verb.EDIT, s.key(), Optional.of(s));
    }

    static IpvsOperation deleteService(ServiceKey k) {
        return new OnService(Verb.DELETE, k, Optional.empty());
    }

    static IpvsOperation addDestination(ServiceKey k, Destination d) {
        return new OnDestination(Verb.ADD, k, d.key(), Optional.of(d));
    }

    static IpvsOperation editDestination(ServiceKey k, Destination d) {
        return new OnDestination(Verb.EDIT, k, d.key(), Optional.of(d));
    }

    static IpvsOperation deleteDestination(ServiceKey k, DestinationKey d) {
        return new OnDestination(Verb.DELETE, k, d, Optional.empty());
    }

    /** A service added, edited (scheduler, flags, persistence) or deleted with its destinations. */
    record OnService(Verb verb, ServiceKey serviceKey, Optional<Service> service) implements IpvsOperation {
        public OnService {
            Objects.requireNonNull(verb, "verb");
            Objects.requireNonNull(serviceKey, "serviceKey");
            checkValue(verb, service.map(Service::key), serviceKey);
        }

        @Override
        public void applyTo(IpvsTable t) throws IOException {
            switch (verb) {
                case ADD -> t.addService(service.orElseThrow());
                case EDIT -> t.editService(service.orElseThrow());
                case DELETE -> t.deleteService(serviceKey);
            }
        }

        @Override
        public String toString() {
            return verb.word() + " service " + serviceKey + service.map(s -> " " + s.scheduler()).orElse("");
        }
    }

    /** A destination of a service added, edited (weight, forwarding, thresholds) or deleted. */
    record OnDestination(Verb verb, ServiceKey serviceKey, DestinationKey destinationKey,
                         Optional<Destination> destination) implements IpvsOperation {
        public OnDestination {
            Objects.requireNonNull(verb, "verb");
            Objects.requireNonNull(serviceKey, "serviceKey");
            Objects.requireNonNull(destinationKey, "destinationKey");
            checkValue(verb, destination.map(Destination::key), destinationKey);
        }

        @Override
        public void applyTo(IpvsTable t) throws IOException {
            switch (verb) {
                case ADD -> t.addDestination(serviceKey, destination.orElseThrow());
                case EDIT -> t.editDestination(serviceKey, destination.orElseThrow());
                case DELETE -> t.deleteDestination(serviceKey, destinationKey);
            }
        }

        @Override
        public String toString() {
            return verb.word() + " destination " + destinationKey
                    + destination.map(d -> " weight " + d.weight()).orElse("") + " " + verb.preposition + " "
                    + serviceKey;
        }
    }

    /** An add or edit carries the value whose key it names; a delete carries none. */
    private static <K> void checkValue(Verb verb, Optional<K> valueKey, K key) {
        if (valueKey.isPresent() == (verb == Verb.DELETE)) {
            throw new IllegalArgumentException(verb.word() + (verb == Verb.DELETE ? " takes no value" : " needs a value"));
        }
        if (valueKey.isPresent() && !valueKey.get().equals(key)) {
            throw new IllegalArgumentException("value " + valueKey.get() + " is not " + key);
        }
    }
}
