package io.wisp.app.persistence;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A bootstrap configuration (Core TS §6.1: the Security, Server and ACL instances a client gets) as stored: a JSON
 * document in the format its owner (the bootstrap server's configuration API) reads and writes, with a revision
 * number that each save increases, so that an editor can refuse to overwrite a change it has not seen.
 *
 * @param endpoint the endpoint it is for, or {@code null} for the default configuration
 * @param revision 1 for the first save, one more for each later one
 * @param json the document, a JSON object
 * @param updatedAt when it was saved
 */
public record ConfigDocument(String endpoint, long revision, String json, Instant updatedAt) {
    public ConfigDocument {
        if (revision < 1) {
            throw new IllegalArgumentException("revision must be at least 1, got " + revision);
        }
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** The endpoint, empty for the default configuration. */
    public Optional<String> endpointName() {
        return Optional.ofNullable(endpoint);
    }

    /** Without the document: configurations can carry keys, and this may end up in a log. */
    @Override
    public String toString() {
        return "ConfigDocument[" + (endpoint == null ? "default" : endpoint) + ", revision " + revision + ", "
                + json.length() + " chars]";
    }
}
