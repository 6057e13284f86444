package io.wisp.client.bootstrap;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * What the bootstrap engine asks of the client it runs in: stopping and restarting the registrations around a
 * bootstrap (Core TS §6.1: the client registers with the servers it was given once the Bootstrap-Server finished),
 * and whether the server accounts in /0 and /1 can be used. Called from the scheduler, never with the engine locked.
 */
public interface BootstrapHost {
    /** Stops every registration (De-register where registered); completes when they all ended. */
    CompletableFuture<Void> suspendRegistrations();

    /**
     * Stops the current registrations, then registers with the accounts in /0 and /1; completes with false when
     * there is none.
     */
    CompletableFuture<Boolean> resumeRegistrations();

    /** Why the LwM2M Server accounts in /0 and /1 cannot be used, naming the resource; empty when they can. */
    Optional<String> accountProblem();
}
