package org.jkeepalived.watchdog.status;

import java.util.Optional;

/** What the parent may ask a child for over its pipe, to serve the metrics and status endpoint. */
public enum StatusDocument {
    /** The child's metric families in Prometheus text format. */
    METRICS,
    /** The child's status as one JSON value. */
    STATUS_JSON,
    /** The child's status as text for {@code jkeepalived status}. */
    STATUS_TEXT;

    /** The line the parent writes on the child's standard input: {@code QUERY METRICS 17}. */
    public String queryLine(long id) {
        return ReplyFrames.QUERY + " " + name() + " " + id;
    }

    /** A query read from the pipe, or empty when {@code line} is not one. */
    public static Optional<Query> parseQuery(String line) {
        String[] w = line.trim().split(" ");
        if (w.length != 3 || !w[0].equals(ReplyFrames.QUERY)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Query(valueOf(w[1]), Long.parseLong(w[2])));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** One request: the document and the id its reply carries. */
    public record Query(StatusDocument document, long id) {
    }
}
