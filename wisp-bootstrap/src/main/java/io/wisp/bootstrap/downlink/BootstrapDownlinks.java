package io.wisp.bootstrap.downlink;

import io.wisp.core.operation.BootstrapDownlinkRequest;
import io.wisp.core.operation.LwM2mResponse;
import io.wisp.core.operation.OperationException;
import io.wisp.transport.DownlinkException;
import io.wisp.transport.DownlinkRequest;
import io.wisp.transport.DownlinkResponse;
import io.wisp.transport.DownlinkSender;
import io.wisp.transport.Peer;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends Bootstrap-Server operations to a client and returns the typed answer. Every failure completes the future,
 * never the caller's thread, as an {@link OperationException}: {@code TIMEOUT}, {@code REJECTED} (a Reset),
 * {@code SEND_FAILED}, {@code CANCELLED}, or {@code INVALID_RESPONSE} for an answer that does not decode — and a
 * Bootstrap-Write whose node its format cannot carry fails the same way before anything is sent.
 */
public final class BootstrapDownlinks {
    private static final Logger LOG = LoggerFactory.getLogger(BootstrapDownlinks.class);

    private final DownlinkSender sender;
    private final BootstrapCoap coap;

    public BootstrapDownlinks(DownlinkSender sender, BootstrapCoap coap) {
        this.sender = Objects.requireNonNull(sender, "sender");
        this.coap = Objects.requireNonNull(coap, "coap");
    }

    /** Sends {@code request} to {@code peer}, waiting at most {@code timeout} for the answer. */
    public <R extends LwM2mResponse> CompletableFuture<R> send(Peer peer, BootstrapDownlinkRequest<R> request,
            Duration timeout) {
        Objects.requireNonNull(peer, "peer");
        Objects.requireNonNull(request, "request");
        DownlinkRequest message;
        try {
            message = coap.toCoap(request);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(new OperationException(OperationException.Reason.SEND_FAILED,
                    request + " cannot be encoded: " + e.getMessage(), e));
        }
        LOG.debug("{} to {}: {}", request, peer, message);
        CompletableFuture<DownlinkResponse> sent = sender.send(peer, message, timeout);
        CompletableFuture<R> result = sent.handle((response, failure) -> {
            if (failure != null) {
                throw new CompletionException(translate(failure, peer));
            }
            try {
                return coap.toResponse(request, response);
            } catch (OperationException e) {
                throw new CompletionException(e);
            } catch (RuntimeException e) {
                throw new CompletionException(new OperationException(OperationException.Reason.INVALID_RESPONSE,
                        "the client's " + response.code() + " answer to " + request + " does not decode: "
                                + e.getMessage(), e));
            }
        });
        result.whenComplete((r, e) -> {
            if (result.isCancelled()) {
                sent.cancel(true);
            }
        });
        return result;
    }

    private static OperationException translate(Throwable failure, Peer peer) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof DownlinkException d) {
            return new OperationException(reasonOf(d.reason()), peer + ": " + d.getMessage(), d);
        }
        if (cause instanceof CancellationException) {
            return new OperationException(OperationException.Reason.CANCELLED, peer + ": cancelled", cause);
        }
        return new OperationException(OperationException.Reason.SEND_FAILED, peer + ": " + cause.getMessage(), cause);
    }

    private static OperationException.Reason reasonOf(DownlinkException.Reason reason) {
        switch (reason) {
            case TIMEOUT:
                return OperationException.Reason.TIMEOUT;
            case REJECTED:
                return OperationException.Reason.REJECTED;
            case CANCELLED:
                return OperationException.Reason.CANCELLED;
            default:
                return OperationException.Reason.SEND_FAILED;
        }
    }
}
