package io.wisp.server.registration;

import io.wisp.transport.CoapCode;
import io.wisp.transport.CoapMethod;
import io.wisp.transport.UplinkHandler;
import io.wisp.transport.UplinkRequest;
import io.wisp.transport.UplinkResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Registration interface on {@code /rd} (Core TS §6.2, Transport TS §6.2): Register ({@code POST /rd}) answers
 * 2.01 with Location-Path {@code rd/{id}}, Update ({@code POST /rd/{id}}) 2.04, De-register ({@code DELETE /rd/{id}})
 * 2.02; 4.04 when the registration is gone, 4.12 for an unsupported version, 4.03 when the client is not authorized
 * (its DTLS identity is not the endpoint's, see {@link RegistrationAuthorizer}; an Update or De-register must come with
 * the identity of the Register), 4.00 for any other bad request. This is the one place where registration errors
 * become CoAP codes. A refused request is logged once at debug level and changes nothing.
 */
public final class RegistrationHandler implements UplinkHandler {
    private static final Logger LOG = LoggerFactory.getLogger(RegistrationHandler.class);
    private static final String PREFIX = "rd";
    /** Fresh IDs tried for one Register before the store's refusal is taken as final. */
    private static final int MAX_ID_ATTEMPTS = 4;

    private final RegistrationStore store;
    private final RegistrationListener events;
    private final RegistrationIds ids;
    private final Clock clock;
    private final RegistrationAuthorizer authorizer;

    public RegistrationHandler(RegistrationStore store, RegistrationListener events, RegistrationIds ids,
            Clock clock) {
        this(store, events, ids, clock, RegistrationAuthorizer.ALLOW_ALL);
    }

    public RegistrationHandler(RegistrationStore store, RegistrationListener events, RegistrationIds ids,
            Clock clock, RegistrationAuthorizer authorizer) {
        this.store = Objects.requireNonNull(store, "store");
        this.events = Objects.requireNonNull(events, "events");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.authorizer = Objects.requireNonNull(authorizer, "authorizer");
    }

    @Override
    public UplinkResponse handle(UplinkRequest request) {
        List<String> path = request.path();
        try {
            if (path.size() == 1 && request.method() == CoapMethod.POST) {
                return register(request);
            }
            if (path.size() == 2 && request.method() == CoapMethod.POST) {
                return update(path.get(1), request);
            }
            if (path.size() == 2 && request.method() == CoapMethod.DELETE) {
                return deregister(path.get(1), request);
            }
        } catch (RegistrationRequestException e) {
            if (e.problem() == RegistrationRequestException.Problem.NOT_AUTHORIZED) {
                LOG.info("Refused {}: {}", request, e.getMessage());
            } else {
                LOG.debug("Refused {}: {}", request, e.getMessage());
            }
            return UplinkResponse.error(code(e.problem()), e.getMessage());
        }
        if (path.size() > 2) {
            return UplinkResponse.of(CoapCode.NOT_FOUND);
        }
        LOG.debug("Refused {}: method not allowed on the registration interface", request);
        return UplinkResponse.of(CoapCode.METHOD_NOT_ALLOWED);
    }

    private UplinkResponse register(UplinkRequest request) {
        RegisterRequest register = RegistrationQuery.register(request,
                authorizer.endpointOf(request.peer()).orElse(null));
        authorizer.authorize(register.endpoint(), request.peer());
        Instant now = clock.instant();
        for (int attempt = 1; ; attempt++) {
            Registration registration = Registration.create(ids.next(), register, request.peer(), now);
            Optional<Registration> replaced;
            try {
                replaced = store.add(registration);
            } catch (IllegalArgumentException idInUse) {
                // 48 random bits: a clash is rare, several in a row mean the store refuses for another reason
                if (attempt == MAX_ID_ATTEMPTS) {
                    throw idInUse;
                }
                continue;
            }
            if (LOG.isDebugEnabled()) {
                LOG.debug("Registered {}{}", registration, replaced.map(r -> ", replacing " + r.id()).orElse(""));
            }
            return UplinkResponse.created(List.of(PREFIX, registration.id()))
                    .afterSent(() -> events.registered(registration, replaced));
        }
    }

    private UplinkResponse update(String id, UplinkRequest request) {
        UpdateRequest update = RegistrationQuery.update(id, request);
        Instant now = clock.instant();
        Optional<UpdatedRegistration> result = store.update(id, r -> {
            requireSameIdentity(r, request);
            return r.updated(update, request.peer(), now);
        });
        if (result.isEmpty()) {
            LOG.debug("Refused {}: no registration {}", request, id);
            return UplinkResponse.of(CoapCode.NOT_FOUND);
        }
        return UplinkResponse.of(CoapCode.CHANGED).afterSent(() -> events.updated(result.get()));
    }

    private UplinkResponse deregister(String id, UplinkRequest request) {
        Optional<Registration> current = store.byId(id);
        if (current.isPresent()) {
            requireSameIdentity(current.get(), request);
        }
        Optional<Registration> removed = store.remove(id);
        if (removed.isEmpty()) {
            LOG.debug("Refused {}: no registration {}", request, id);
            return UplinkResponse.of(CoapCode.NOT_FOUND);
        }
        return UplinkResponse.of(CoapCode.DELETED).afterSent(() -> events.deregistered(removed.get()));
    }

    /** Only the identity that registered may update or end the registration. */
    private static void requireSameIdentity(Registration registration, UplinkRequest request) {
        if (!Objects.equals(registration.identity(), request.peer().identity())) {
            throw new RegistrationRequestException(RegistrationRequestException.Problem.NOT_AUTHORIZED,
                    "registration " + registration.id() + " belongs to " + describe(registration.identity())
                            + ", not to " + describe(request.peer().identity()));
        }
    }

    private static String describe(Object identity) {
        return identity == null ? "a NoSec client" : identity.toString();
    }

    private static CoapCode code(RegistrationRequestException.Problem problem) {
        switch (problem) {
            case UNSUPPORTED_VERSION:
                return CoapCode.PRECONDITION_FAILED;
            case NOT_AUTHORIZED:
                return CoapCode.FORBIDDEN;
            default:
                return CoapCode.BAD_REQUEST;
        }
    }
}
