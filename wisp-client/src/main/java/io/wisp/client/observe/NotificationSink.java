package io.wisp.client.observe;

/**
 * Where the registry hands notifications to be sent (the transport's observe relations). Called on one thread at a
 * time per registry, in the order notifications are produced; an implementation must not block for long.
 */
public interface NotificationSink {

    /** Sends a notification on its observation's relation. */
    void send(Notification notification);

    /**
     * The observed node of a single-path observation no longer exists or may no longer be read: the registry has
     * dropped the observation, and the transport should end the relation (RFC 7641 §3.2: a final error response,
     * here 4.04).
     */
    default void ended(Observation observation) {
    }
}
