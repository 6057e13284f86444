package io.wisp.transport.californium;

import io.wisp.transport.DownlinkException;
import io.wisp.transport.DownlinkException.Reason;
import io.wisp.transport.DownlinkRequest;
import io.wisp.transport.DownlinkResponse;
import io.wisp.transport.DownlinkSender;
import io.wisp.transport.Peer;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.californium.core.coap.MessageObserverAdapter;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.network.Endpoint;

/**
 * Sends downlinks through the endpoint named by the peer's connector, so that they leave from the socket the peer
 * talks to. One shared scheduler enforces the callers' timeouts; no thread or timer object lives per peer.
 */
final class EndpointDownlinkSender implements DownlinkSender {
    private final Map<String, Endpoint> endpoints;
    private final ScheduledExecutorService timer;

    EndpointDownlinkSender(Map<String, Endpoint> endpoints, ScheduledExecutorService timer) {
        this.endpoints = endpoints;
        this.timer = timer;
    }

    @Override
    public CompletableFuture<DownlinkResponse> send(Peer peer, DownlinkRequest downlink, Duration timeout) {
        Objects.requireNonNull(peer, "peer");
        Objects.requireNonNull(downlink, "request");
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, got " + timeout);
        }
        return exchange(peer, MessageMapping.toRequest(peer, downlink), downlink, timeout);
    }

    /** The running endpoint of a connector, or {@code null}. */
    Endpoint endpoint(String connector) {
        Endpoint endpoint = endpoints.get(connector);
        return endpoint == null || !endpoint.isStarted() ? null : endpoint;
    }

    /**
     * Sends a prepared Californium request ({@code downlink} describes it in messages) with the caller's timeout;
     * observe and cancel-observe requests go through here too.
     */
    CompletableFuture<DownlinkResponse> exchange(Peer peer, Request request, DownlinkRequest downlink,
            Duration timeout) {
        CompletableFuture<DownlinkResponse> result = new CompletableFuture<>();
        Endpoint endpoint = endpoint(peer.connector());
        if (endpoint == null) {
            result.completeExceptionally(new DownlinkException(Reason.NO_CONNECTOR,
                    "no running connector '" + peer.connector() + "' for " + peer));
            return result;
        }
        request.addMessageObserver(new Outcome(result, peer, downlink));
        ScheduledFuture<?> deadline = timer.schedule(() -> result.completeExceptionally(new DownlinkException(
                Reason.TIMEOUT, "no response from " + peer + " to " + downlink + " within " + timeout)),
                timeout.toNanos(), TimeUnit.NANOSECONDS);
        result.whenComplete((response, failure) -> {
            deadline.cancel(false);
            if (failure != null) {
                request.cancel();
            }
        });
        endpoint.sendRequest(request);
        return result;
    }

    /** Completes the caller's future from the exchange's fate. */
    private static final class Outcome extends MessageObserverAdapter {
        private final CompletableFuture<DownlinkResponse> result;
        private final Peer peer;
        private final DownlinkRequest downlink;

        Outcome(CompletableFuture<DownlinkResponse> result, Peer peer, DownlinkRequest downlink) {
            this.result = result;
            this.peer = peer;
            this.downlink = downlink;
        }

        @Override
        public void onResponse(Response response) {
            result.complete(MessageMapping.toDownlinkResponse(response));
        }

        @Override
        public void onReject() {
            fail(Reason.REJECTED, "reset by " + peer, null);
        }

        @Override
        public void onTimeout() {
            fail(Reason.TIMEOUT, "no acknowledgement from " + peer + " after all retransmissions", null);
        }

        @Override
        public void onCancel() {
            fail(Reason.CANCELLED, "cancelled", null);
        }

        @Override
        public void onSendError(Throwable error) {
            if (HandshakeMonitor.isHandshakeFailure(error)) {
                io.wisp.transport.HandshakeFailures.Reason why = HandshakeMonitor.classify(error);
                result.completeExceptionally(DownlinkException.handshakeFailed(why, "DTLS handshake with " + peer
                        + " failed: " + why + " (" + error.getMessage() + ") (" + downlink + ")", error));
                return;
            }
            fail(Reason.SEND_FAILED, "could not send to " + peer + ": " + error.getMessage(), error);
        }

        @Override
        public void onResponseHandlingError(Throwable error) {
            fail(Reason.SEND_FAILED, "could not process the response of " + peer + ": " + error.getMessage(), error);
        }

        private void fail(Reason reason, String message, Throwable cause) {
            result.completeExceptionally(new DownlinkException(reason, message + " (" + downlink + ")", cause));
        }
    }
}
