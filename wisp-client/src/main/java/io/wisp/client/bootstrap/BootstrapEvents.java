package io.wisp.client.bootstrap;

import io.wisp.core.operation.ResponseCode;

/**
 * What a client's bootstrap goes through, for logs, the CLI and tests. Called on transport or scheduler threads,
 * sometimes with the bootstrap engine locked: implementations must return quickly and must not call back into the
 * client.
 */
public interface BootstrapEvents {
    /** Events nobody listens to. */
    BootstrapEvents NONE = new BootstrapEvents() { };

    /** A client-initiated bootstrap is due, for this reason (start without a server account, trigger, fallback). */
    default void requested(String reason) {
    }

    /** A bootstrap session began: the Bootstrap-Request was accepted, or the Bootstrap-Server started one. */
    default void sessionStarted(boolean clientInitiated) {
    }

    /** A Bootstrap-Server operation was answered; {@code request} reads like {@code PUT /0/1}. */
    default void served(String request, ResponseCode code) {
    }

    /** The client accepted its new configuration and registers with the servers it was given. */
    default void finished() {
    }

    /** The bootstrap failed, saying why, and whether the client will try again by itself. */
    default void failed(String reason, boolean retrying) {
    }
}
