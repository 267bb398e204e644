package org.jkeepalived.watchdog.status;

import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * How the metrics server reaches one child: its name in the documents ({@code vrrp}, {@code checkers}), whether
 * the configuration calls for it, and the query that asks it for a document (empty when it is not running or
 * does not answer in time, as during a respawn).
 */
public record ChildEndpoint(String name, BooleanSupplier expected, Function<StatusDocument, Optional<String>> ask) {
}
