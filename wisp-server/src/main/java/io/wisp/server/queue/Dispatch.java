package io.wisp.server.queue;

import io.wisp.server.registration.Registration;
import java.util.concurrent.CompletableFuture;

/**
 * Sends one request now, to the registration as it is at that moment (a client that woke up with an Update may have
 * a new address, Core TS §6.2.2). The queue calls it once per delivery attempt, when the client is awake.
 *
 * @param <R> the response type
 */
@FunctionalInterface
public interface Dispatch<R> {
    CompletableFuture<R> send(Registration current);
}
