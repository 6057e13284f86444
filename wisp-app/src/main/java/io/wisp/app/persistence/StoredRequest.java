package io.wisp.app.persistence;

import java.time.Instant;
import java.util.Objects;

/**
 * A request waiting for a sleeping client (Core TS §6.5, queue mode), kept across restarts. The request itself is a
 * document the caller wrote and can read back (for the HTTP API, the JSON of the API call); the store keeps it as
 * text and never looks into it, so any operation, present or future, can wait here.
 *
 * @param id the store's number for it, in submission order; 0 until {@link QueuedRequestStore#add} saved it
 * @param registrationId the registration it was submitted for; it ends with that registration
 * @param endpoint the client's endpoint name
 * @param description what it does, for people (e.g. {@code Read /3/0/0})
 * @param document the request, in the caller's format
 * @param submittedAt when it was submitted
 * @param expiresAt when it fails if the client has not woken up by then
 */
public record StoredRequest(long id, String registrationId, String endpoint, String description, String document,
        Instant submittedAt, Instant expiresAt) {

    public StoredRequest {
        if (id < 0) {
            throw new IllegalArgumentException("id must not be negative, got " + id);
        }
        Objects.requireNonNull(registrationId, "registrationId");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(submittedAt, "submittedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (endpoint.isEmpty()) {
            throw new IllegalArgumentException("endpoint must not be empty");
        }
        if (expiresAt.isBefore(submittedAt)) {
            throw new IllegalArgumentException("expiresAt " + expiresAt + " is before submittedAt " + submittedAt);
        }
    }

    /** A request not saved yet (id 0), to give to {@link QueuedRequestStore#add}. */
    public static StoredRequest unsaved(String registrationId, String endpoint, String description, String document,
            Instant submittedAt, Instant expiresAt) {
        return new StoredRequest(0, registrationId, endpoint, description, document, submittedAt, expiresAt);
    }

    StoredRequest withId(long value) {
        return new StoredRequest(value, registrationId, endpoint, description, document, submittedAt, expiresAt);
    }
}
