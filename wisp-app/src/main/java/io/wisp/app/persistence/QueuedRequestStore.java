package io.wisp.app.persistence;

import java.time.Instant;
import java.util.List;

/**
 * The requests waiting for sleeping clients (Core TS §6.5), in the order they were submitted, kept across restarts
 * so that a queue-mode client that wakes up after a server restart still gets them. A request leaves the store when
 * it was delivered, cancelled, expired, or its registration ended. Every write is durable when the method returns.
 */
public interface QueuedRequestStore {

    /** Saves an {@link StoredRequest#unsaved} request and returns it with its number. */
    StoredRequest add(StoredRequest request);

    /** Removes a request (delivered or cancelled); returns whether it was there. */
    boolean remove(long id);

    /** The waiting requests of a client, in submission order. */
    List<StoredRequest> byEndpoint(String endpoint);

    /** Every waiting request, in submission order (what a server restores at start). */
    List<StoredRequest> all();

    /** Removes the requests of a registration that ended; returns how many. */
    int removeByRegistration(String registrationId);

    /** Removes the requests whose expiry is at or before {@code now}; returns how many. */
    int removeExpired(Instant now);
}
