package org.jkeepalived.core.config.reader;

/**
 * How the configuration language is read: which {@code @id} lines apply and how strict includes are.
 *
 * @param configId  the config-id that {@code @id} / {@code @^id} lines are matched against (keepalived's
 *                  {@code -i}; callers pass the short host name by default); null or empty matches no {@code @id}
 * @param allConfig keepalived's {@code -e}: a missing include file is an error instead of a warning
 */
public record ReaderOptions(String configId, boolean allConfig) {
    public ReaderOptions {
        configId = configId == null ? "" : configId;
    }

    /** Options with the given config-id and lenient includes. */
    public static ReaderOptions forConfigId(String configId) {
        return new ReaderOptions(configId, false);
    }
}
