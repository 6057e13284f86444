package io.wisp.server.downlink;

import io.wisp.core.codec.Codecs;
import io.wisp.core.codec.CodecException;
import io.wisp.core.codec.ContentFormat;
import io.wisp.core.model.ObjectModels;
import io.wisp.core.operation.InvalidRequestException;
import io.wisp.core.operation.LwM2mRequest;
import io.wisp.core.operation.LwM2mResponse;
import io.wisp.core.operation.OperationException;
import io.wisp.core.operation.ResponseCode;
import io.wisp.core.operation.ResponseStatus;
import io.wisp.server.registration.Registration;
import io.wisp.transport.DownlinkException;
import io.wisp.transport.DownlinkRequest;
import io.wisp.transport.DownlinkResponse;
import io.wisp.transport.DownlinkSender;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The typed downlink pipeline (Core TS §6.3): request → CoAP through its {@link OperationMapping}, send, CoAP answer
 * → typed response. Every failure completes the returned future, never the caller's thread: an unknown request type
 * or content the chosen format cannot carry with {@link InvalidRequestException}, everything else with an
 * {@link OperationException} — a timeout, a Reset, a client that cannot take the request, a payload that does not
 * decode.
 */
public final class TypedDownlinks {
    private static final Logger LOG = LoggerFactory.getLogger(TypedDownlinks.class);

    private final DownlinkSender sender;
    private final ObjectModels models;
    private final Codecs codecs;
    private final OperationMappings mappings;

    public TypedDownlinks(DownlinkSender sender, ObjectModels models, Codecs codecs, OperationMappings mappings) {
        this.sender = Objects.requireNonNull(sender, "sender");
        this.models = Objects.requireNonNull(models, "models");
        this.codecs = Objects.requireNonNull(codecs, "codecs");
        this.mappings = Objects.requireNonNull(mappings, "mappings");
    }

    /** Sends {@code request} to the client of {@code registration}; see the class comment for the failures. */
    public <R extends LwM2mResponse> CompletableFuture<R> send(Registration registration, LwM2mRequest<R> request,
            SendOptions options) {
        Objects.requireNonNull(registration, "registration");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(options, "options");
        return sendTyped(registration, request, options);
    }

    private <Q extends LwM2mRequest<R>, R extends LwM2mResponse> CompletableFuture<R> sendTyped(
            Registration registration, Q request, SendOptions options) {
        OperationMapping<Q, R> mapping = mappings.forRequest(request).orElse(null);
        if (mapping == null) {
            return CompletableFuture.failedFuture(new InvalidRequestException(
                    "request: no mapping for " + request.getClass().getName()));
        }
        DownlinkTarget target = new DownlinkTarget(registration, models, codecs);
        DownlinkRequest coap;
        try {
            coap = mapping.toCoap(request, target);
        } catch (OperationException | InvalidRequestException e) {
            return CompletableFuture.failedFuture(e);
        } catch (CodecException e) {
            return CompletableFuture.failedFuture(new InvalidRequestException(
                    "request: content cannot be encoded: " + e.getMessage(), e));
        } catch (RuntimeException e) {
            LOG.warn("{} to {} could not be mapped to CoAP", request, registration.endpoint(), e);
            return CompletableFuture.failedFuture(new InvalidRequestException(
                    "request: cannot be sent: " + e.getMessage(), e));
        }
        LOG.debug("{} to {}: {}", request.getClass().getSimpleName(), registration.endpoint(), coap);
        CompletableFuture<DownlinkResponse> sent = sender.send(registration.peer(), coap, options.timeout());
        CompletableFuture<R> result = sent.handle((response, failure) -> {
            if (failure != null) {
                throw new CompletionException(translate(failure, registration));
            }
            return decode(mapping, request, response, target, options);
        });
        result.whenComplete((r, e) -> {
            if (result.isCancelled()) {
                sent.cancel(true);
            }
        });
        return result;
    }

    private static <Q extends LwM2mRequest<R>, R extends LwM2mResponse> R decode(OperationMapping<Q, R> mapping,
            Q request, DownlinkResponse response, DownlinkTarget target, SendOptions options) {
        ResponseCode code = ResponseCode.ofValue(response.code().value());
        ContentFormat format = response.contentFormat().isPresent()
                ? ContentFormat.of(response.contentFormat().getAsInt()) : null;
        String message = code.isError() && response.payload().length > 0 ? response.payloadAsString() : null;
        ResponseStatus status = ResponseStatus.of(code, message, format,
                options.keepRawPayload() ? response.payload() : null);
        try {
            return mapping.toResponse(request, response, status, target);
        } catch (OperationException e) {
            throw new CompletionException(e);
        } catch (CodecException e) {
            throw new CompletionException(new OperationException(OperationException.Reason.INVALID_RESPONSE,
                    "the client's " + code + " answer to " + request.getClass().getSimpleName()
                            + " does not decode: " + e.getMessage(), e));
        } catch (RuntimeException e) {
            throw new CompletionException(new OperationException(OperationException.Reason.INVALID_RESPONSE,
                    "the client's " + code + " answer to " + request.getClass().getSimpleName()
                            + " cannot be understood: " + e.getMessage(), e));
        }
    }

    private static Throwable translate(Throwable failure, Registration registration) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof DownlinkException d) {
            return new OperationException(reasonOf(d.reason()), registration.endpoint() + ": " + d.getMessage(), d);
        }
        if (cause instanceof java.util.concurrent.CancellationException) {
            return new OperationException(OperationException.Reason.CANCELLED,
                    registration.endpoint() + ": cancelled", cause);
        }
        return new OperationException(OperationException.Reason.SEND_FAILED,
                registration.endpoint() + ": " + cause.getMessage(), cause);
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
