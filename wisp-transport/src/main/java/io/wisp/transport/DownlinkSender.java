package io.wisp.transport;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Sends requests to peers (the server's device-management downlinks, Transport TS §6.4) from the connector that
 * received the peer's uplinks.
 */
public interface DownlinkSender {
    /**
     * Sends {@code request} to {@code peer}. The future completes with the peer's response (any code), or
     * exceptionally with a {@link DownlinkException}: {@code TIMEOUT} once {@code timeout} has passed without an
     * answer (the CoAP exchange is then cancelled), {@code REJECTED}, {@code SEND_FAILED}, {@code NO_CONNECTOR}.
     * Cancelling the future cancels the exchange.
     */
    CompletableFuture<DownlinkResponse> send(Peer peer, DownlinkRequest request, Duration timeout);
}
