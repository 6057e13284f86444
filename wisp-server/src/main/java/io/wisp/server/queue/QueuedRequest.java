package io.wisp.server.queue;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * A request handed to the server for one client, as the caller and the HTTP API see it (Core TS §6.5): whether it
 * waits for the client to wake up, is on its way, or is done, and the future of its result. For a client not in
 * queue mode it goes out at once and is never {@link Status#QUEUED}.
 *
 * @param <R> the response type
 */
public interface QueuedRequest<R> {

    /** Where a request stands. */
    enum Status {
        /** Waiting in the client's queue until the client is awake and the requests before it are done. */
        QUEUED,
        /** Sent; the answer is awaited. */
        IN_FLIGHT,
        /** The result future is complete (a response, or a failure). */
        DONE
    }

    /** A number unique within this server, for listing and cancelling. */
    long id();

    String registrationId();

    String endpoint();

    /** What the request does, for people (e.g. {@code Read /3/0/0}). */
    String description();

    Instant submittedAt();

    /** When it fails with {@link QueueException.Reason#EXPIRED} if it is still waiting then. */
    Instant expiresAt();

    Status status();

    /** Whether it had to wait because its client was asleep or busy with earlier requests. */
    boolean wasQueued();

    /**
     * The client's response, or a failure: a {@link QueueException}, or the transport's own failure (an error
     * response from the client is a response, not a failure). Cancelling this future withdraws a waiting request.
     */
    CompletableFuture<R> result();

    /**
     * Withdraws the request if it is still waiting; its future then fails with
     * {@link QueueException.Reason#CANCELLED}. Returns false when it was already sent or done.
     */
    boolean cancel();
}
