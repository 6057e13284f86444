package io.wisp.core.operation;

/**
 * An operation of the Bootstrap interface that a LwM2M Bootstrap-Server sends to a client (Core TS §6.1):
 * Bootstrap-Discover, -Read, -Write, -Delete and -Finish. Separate from {@link LwM2mRequest} because these go only
 * from a Bootstrap-Server, and a client answers them only inside a bootstrap session (or from its Bootstrap-Server
 * account, for a server-initiated bootstrap). The set is closed, so a client can dispatch on it with
 * {@code instanceof} and know it has covered every case.
 *
 * @param <R> the response type of this operation
 */
public sealed interface BootstrapDownlinkRequest<R extends LwM2mResponse>
        permits BootstrapDiscoverRequest, BootstrapReadRequest, BootstrapWriteRequest, BootstrapDeleteRequest,
        BootstrapFinishRequest {
}
