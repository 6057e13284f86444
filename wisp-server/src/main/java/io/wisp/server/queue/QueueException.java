package io.wisp.server.queue;

import java.util.Objects;

/**
 * Why a request to a queue-mode client ended without an answer from the client. Completes the request's future
 * ({@link QueuedRequest#result()}); the HTTP API maps each reason to its own status.
 */
public final class QueueException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The ways a queued request can end without being delivered. */
    public enum Reason {
        /** The client's queue already held as many requests as {@link QueueConfig#capacity()} allows. */
        FULL,
        /** The client did not wake up before the request's deadline. */
        EXPIRED,
        /** The request was cancelled while it waited. */
        CANCELLED,
        /** The registration ended (De-register, lifetime expiry, or a new Register of the endpoint). */
        REGISTRATION_ENDED,
        /** The server stopped while the request waited. */
        STOPPED
    }

    private final Reason reason;

    public QueueException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
