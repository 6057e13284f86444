package io.wisp.server.observation;

import io.wisp.core.codec.CodecException;
import io.wisp.core.codec.Codecs;
import io.wisp.core.codec.ContentFormat;
import io.wisp.core.model.ObjectModels;
import io.wisp.core.node.LwM2mNode;
import io.wisp.core.operation.CancelCompositeObservationRequest;
import io.wisp.core.operation.CancelCompositeObservationResponse;
import io.wisp.core.operation.CancelObservationRequest;
import io.wisp.core.operation.CancelObservationResponse;
import io.wisp.core.operation.InvalidRequestException;
import io.wisp.core.operation.LwM2mRequest;
import io.wisp.core.operation.LwM2mResponse;
import io.wisp.core.operation.Observation;
import io.wisp.core.operation.ObservationId;
import io.wisp.core.operation.ObserveCompositeRequest;
import io.wisp.core.operation.ObserveCompositeResponse;
import io.wisp.core.operation.ObserveRequest;
import io.wisp.core.operation.ObserveResponse;
import io.wisp.core.operation.OperationException;
import io.wisp.core.operation.ResponseStatus;
import io.wisp.core.path.LwM2mPath;
import io.wisp.server.downlink.DownlinkTarget;
import io.wisp.server.downlink.ObserveCompositeMapping;
import io.wisp.server.downlink.ObserveMapping;
import io.wisp.server.downlink.OperationMapping;
import io.wisp.server.downlink.SendOptions;
import io.wisp.server.registration.Registration;
import io.wisp.transport.DownlinkRequest;
import io.wisp.transport.DownlinkResponse;
import io.wisp.transport.ObservationToken;
import io.wisp.transport.Observations;
import io.wisp.transport.ObserveResult;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Information reporting from the server's side (Core TS §6.4): Observe and Observe-Composite start observations,
 * Cancel Observation and Cancel Observation-Composite end them telling the client, {@link #forget} ends one without
 * telling it. Notifications reach the {@link ObservationListener}s, decoded and in order.
 *
 * <p>Every failure completes the returned future, as for the other operations: {@link OperationException} for a
 * timeout, a Reset, a client that cannot take the request (composite to a client without a composite format,
 * attributes in the request to a client older than 1.2) or an answer that does not decode;
 * {@link InvalidRequestException} for a request that cannot be sent as built.
 */
public final class ObservationService {
    private static final Logger LOG = LoggerFactory.getLogger(ObservationService.class);
    private static final ObserveMapping OBSERVE = new ObserveMapping();
    private static final ObserveCompositeMapping OBSERVE_COMPOSITE = new ObserveCompositeMapping();

    private final Observations transport;
    private final ObservationRegistry registry;
    private final ObservationEvents events;
    private final ObjectModels models;
    private final Codecs codecs;

    public ObservationService(Observations transport, ObservationRegistry registry, ObservationEvents events,
            ObjectModels models, Codecs codecs) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.events = Objects.requireNonNull(events, "events");
        this.models = Objects.requireNonNull(models, "models");
        this.codecs = Objects.requireNonNull(codecs, "codecs");
    }

    /** Whether {@code request} is one of the four information-reporting operations this service sends. */
    public static boolean handles(LwM2mRequest<?> request) {
        return request instanceof ObserveRequest || request instanceof ObserveCompositeRequest
                || request instanceof CancelObservationRequest || request instanceof CancelCompositeObservationRequest;
    }

    /** Sends any of the four operations ({@link #handles}); the typed entry point of the server's generic send. */
    @SuppressWarnings("unchecked")
    public <R extends LwM2mResponse> CompletableFuture<R> send(Registration registration, LwM2mRequest<R> request,
            SendOptions options) {
        CompletableFuture<?> f;
        if (request instanceof ObserveRequest r) {
            f = observe(registration, r, options);
        } else if (request instanceof ObserveCompositeRequest r) {
            f = observe(registration, r, options);
        } else if (request instanceof CancelObservationRequest r) {
            f = cancel(registration, r, options);
        } else if (request instanceof CancelCompositeObservationRequest r) {
            f = cancel(registration, r, options);
        } else {
            return CompletableFuture.failedFuture(new InvalidRequestException(
                    "request: not an information-reporting operation: " + request.getClass().getName()));
        }
        return (CompletableFuture<R>) f;
    }

    /** Observe: the current value, and an observation when the client starts one. */
    public CompletableFuture<ObserveResponse> observe(Registration registration, ObserveRequest request,
            SendOptions options) {
        return start(registration, request, OBSERVE, List.of(request.path()), false,
                t -> ObserveMapping.format(request, t),
                (response, observation) -> new ObserveResponse(response.status(), response.content(), observation),
                options);
    }

    /** Observe-Composite: the current values, and a composite observation when the client starts one. */
    public CompletableFuture<ObserveCompositeResponse> observe(Registration registration,
            ObserveCompositeRequest request, SendOptions options) {
        return start(registration, request, OBSERVE_COMPOSITE, request.paths(), true,
                t -> ObserveCompositeMapping.format(request, t),
                (response, observation) -> new ObserveCompositeResponse(response.status(), response.content(),
                        observation),
                options);
    }

    /** Cancel Observation: ends it at once here, then tells the client, which answers with the current value. */
    public CompletableFuture<CancelObservationResponse> cancel(Registration registration,
            CancelObservationRequest request, SendOptions options) {
        return stop(registration, request.observation(), options, "Cancel Observation",
                (status, content) -> new CancelObservationResponse(status,
                        content.get(request.observation().path())));
    }

    /** Cancel Observation-Composite: as {@link #cancel(Registration, CancelObservationRequest, SendOptions)}. */
    public CompletableFuture<CancelCompositeObservationResponse> cancel(Registration registration,
            CancelCompositeObservationRequest request, SendOptions options) {
        return stop(registration, request.observation(), options, "Cancel Observation-Composite",
                CancelCompositeObservationResponse::new);
    }

    /**
     * Passive cancel (RFC 7641 §3.6): forgets the observation without telling the client, whose next notification
     * is answered with a Reset. Returns whether it was active.
     */
    public boolean forget(Observation observation) {
        return registry.end(observation.id(), ObservationEnd.FORGOTTEN);
    }

    /**
     * Takes up an observation made before the server restarted (its registration restored from a database): the
     * client still notifies with the old token, and those notifications reach the listeners again, in the format
     * {@code format} the observation asked for. Cancel and passive cancel work on it as on any other. Returns false
     * when an observation with its token is active already; throws {@link InvalidRequestException} when it does not
     * belong to {@code registration}, and {@link OperationException} when the client cannot take such an observe
     * request (e.g. composite without a composite format).
     */
    public boolean restore(Registration registration, Observation observation, ContentFormat format) {
        Objects.requireNonNull(registration, "registration");
        Objects.requireNonNull(observation, "observation");
        if (!observation.registrationId().equals(registration.id())) {
            throw new InvalidRequestException("observation: " + observation + " belongs to registration "
                    + observation.registrationId() + ", not " + registration.id());
        }
        DownlinkTarget target = new DownlinkTarget(registration, models, codecs);
        DownlinkRequest coap = observation.composite()
                ? OBSERVE_COMPOSITE.toCoap(new ObserveCompositeRequest(observation.paths(), null, format, null),
                        target)
                : OBSERVE.toCoap(new ObserveRequest(observation.path(), format, null), target);
        return registry.restore(observation, format, registration, coap);
    }

    /** The active observations of a registration. */
    public List<Observation> of(Registration registration) {
        return registry.of(registration.id());
    }

    /** The active observation with this ID. */
    public Optional<Observation> byId(ObservationId id) {
        return registry.byId(id);
    }

    /** How many observations are active. */
    public int size() {
        return registry.size();
    }

    public void addListener(ObservationListener listener) {
        events.add(listener);
    }

    public void removeListener(ObservationListener listener) {
        events.remove(listener);
    }

    private <Q extends LwM2mRequest<R>, R extends LwM2mResponse> CompletableFuture<R> start(
            Registration registration, Q request, OperationMapping<Q, R> mapping, List<LwM2mPath> paths,
            boolean composite, Function<DownlinkTarget, ContentFormat> format,
            BiFunction<R, Observation, R> withObservation, SendOptions options) {
        Objects.requireNonNull(registration, "registration");
        Objects.requireNonNull(options, "options");
        DownlinkTarget target = new DownlinkTarget(registration, models, codecs);
        DownlinkRequest coap;
        ContentFormat expected;
        try {
            coap = mapping.toCoap(request, target);
            expected = format.apply(target);
        } catch (OperationException | InvalidRequestException e) {
            return CompletableFuture.failedFuture(e);
        } catch (CodecException e) {
            return CompletableFuture.failedFuture(new InvalidRequestException(
                    "request: content cannot be encoded: " + e.getMessage(), e));
        }
        LOG.debug("{} to {}: {}", request.getClass().getSimpleName(), registration.endpoint(), coap);
        ObservationRegistry.Entry entry = registry.pending(registration.id(), paths, composite, expected);
        CompletableFuture<ObserveResult> sent =
                transport.observe(registration.peer(), coap, options.timeout(), entry);
        CompletableFuture<R> result = sent.handle((outcome, failure) -> {
            if (failure != null) {
                throw new CompletionException(Outcomes.failure(failure, registration));
            }
            ResponseStatus status = Outcomes.status(outcome.response(), options);
            R typed;
            try {
                typed = mapping.toResponse(request, outcome.response(), status, target);
            } catch (RuntimeException e) {
                if (outcome.established()) {
                    transport.forget(outcome.token());
                }
                throw new CompletionException(Outcomes.invalidAnswer(request.getClass().getSimpleName(),
                        status.code(), e));
            }
            Observation observation = outcome.established()
                    ? registry.activate(entry, outcome.token(), registration.peer()) : null;
            return observation == null ? typed : withObservation.apply(typed, observation);
        });
        result.whenComplete((r, e) -> {
            if (result.isCancelled()) {
                sent.cancel(true);
            }
        });
        return result;
    }

    private <R> CompletableFuture<R> stop(Registration registration, Observation observation, SendOptions options,
            String operation, BiFunction<ResponseStatus, SortedMap<LwM2mPath, LwM2mNode>, R> build) {
        Objects.requireNonNull(registration, "registration");
        Objects.requireNonNull(options, "options");
        if (!observation.registrationId().equals(registration.id())) {
            return CompletableFuture.failedFuture(new InvalidRequestException("observation: " + observation
                    + " belongs to registration " + observation.registrationId() + ", not " + registration.id()));
        }
        DownlinkTarget target = new DownlinkTarget(registration, models, codecs);
        ContentFormat expected = registry.format(observation.id()).orElse(null);
        CompletableFuture<DownlinkResponse> sent =
                transport.cancel(new ObservationToken(observation.id().token()), options.timeout());
        registry.end(observation.id(), ObservationEnd.CANCELLED);
        return sent.handle((response, failure) -> {
            if (failure != null) {
                throw new CompletionException(Outcomes.failure(failure, registration));
            }
            ResponseStatus status = Outcomes.status(response, options);
            if (!status.code().isSuccess() || response.payload().length == 0) {
                return build.apply(status, new TreeMap<>());
            }
            try {
                ContentFormat format = status.contentFormat().orElse(expected);
                return build.apply(status, content(observation, format, response.payload(), target));
            } catch (RuntimeException e) {
                throw new CompletionException(Outcomes.invalidAnswer(operation, status.code(), e));
            }
        });
    }

    private SortedMap<LwM2mPath, LwM2mNode> content(Observation observation, ContentFormat format, byte[] payload,
            DownlinkTarget target) {
        if (format == null) {
            throw new IllegalArgumentException("the answer has no Content-Format");
        }
        if (observation.composite()) {
            return ObserveCompositeMapping.content(observation.paths(), format, payload, target);
        }
        TreeMap<LwM2mPath, LwM2mNode> one = new TreeMap<>();
        one.put(observation.path(), codecs.decode(format, payload, observation.path(), models));
        return one;
    }
}
