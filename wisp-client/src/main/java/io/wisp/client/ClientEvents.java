package io.wisp.client;

import io.wisp.client.engine.RegistrationEvents;
import io.wisp.core.operation.ResponseCode;

/**
 * What a running client does, for logs, the CLI and the simulator's summary: its registration steps (inherited), each
 * request it serves and each notification it sends. Called on transport or scheduler threads; must return quickly.
 */
public interface ClientEvents extends RegistrationEvents {
    /** Events nobody listens to. */
    ClientEvents NONE = new ClientEvents() { };

    /** A server's request was answered; {@code request} reads like {@code GET /3/0/9}. */
    default void served(int shortServerId, String request, ResponseCode code) {
    }

    /** A notification was handed to the transport for a server's observation. */
    default void notified(int shortServerId, String paths) {
    }

    /**
     * Queue mode (Core TS §6.5): true when the client woke up for an uplink of its own and hears servers again, false
     * when its awake time passed without traffic and it sleeps until its next uplink.
     */
    default void awake(boolean awake) {
    }
}
