package io.wisp.bootstrap;

import io.wisp.transport.DownlinkException;
import io.wisp.transport.DownlinkRequest;
import io.wisp.transport.DownlinkResponse;
import io.wisp.transport.DownlinkSender;
import io.wisp.transport.Peer;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * The transport's downlink sender, set once the transport is built: the uplink handlers that start sessions must
 * exist before the transport does, and the sessions need its downlinks.
 */
final class DownlinkHolder implements DownlinkSender {
    private volatile DownlinkSender sender;

    void set(DownlinkSender value) {
        this.sender = Objects.requireNonNull(value, "sender");
    }

    @Override
    public CompletableFuture<DownlinkResponse> send(Peer peer, DownlinkRequest request, Duration timeout) {
        DownlinkSender current = sender;
        if (current == null) {
            return CompletableFuture.failedFuture(new DownlinkException(DownlinkException.Reason.NO_CONNECTOR,
                    "the Bootstrap-Server's transport is not built yet"));
        }
        return current.send(peer, request, timeout);
    }
}
