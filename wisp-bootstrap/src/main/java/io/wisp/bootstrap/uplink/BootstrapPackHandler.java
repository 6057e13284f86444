package io.wisp.bootstrap.uplink;

import io.wisp.bootstrap.config.BootstrapConfig;
import io.wisp.bootstrap.config.BootstrapConfigStore;
import io.wisp.bootstrap.security.BootstrapIdentityBinding;
import io.wisp.bootstrap.session.BootstrapListener;
import io.wisp.bootstrap.session.BootstrapRefusal;
import io.wisp.bootstrap.session.BootstrapResult;
import io.wisp.bootstrap.session.BootstrapSession;
import io.wisp.bootstrap.session.BootstrapSessions;
import io.wisp.bootstrap.session.SessionPlanner;
import io.wisp.core.codec.Codecs;
import io.wisp.core.model.ObjectModels;
import io.wisp.core.operation.BootstrapPackRequest;
import io.wisp.transport.CoapCode;
import io.wisp.transport.CoapMethod;
import io.wisp.transport.UplinkHandler;
import io.wisp.transport.UplinkRequest;
import io.wisp.transport.UplinkResponse;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bootstrap-Pack-Request on {@code /bspack} (Core TS 1.2 §6.1, Transport TS §6.1): {@code GET /bspack?ep={name}}
 * answers 2.05 with the whole configuration — every Security, Server, Access Control instance and other write, by
 * path — in SenML CBOR (the default), SenML JSON or LwM2M CBOR as the Accept option asks; 4.06 for another Accept.
 * An endpoint without a configuration gets 4.04 Not Found; a missing {@code ep} 4.00, another method 4.05; a client
 * that may not bootstrap as that endpoint ({@link BootstrapIdentityBinding}) 4.03 Forbidden. The
 * listeners see it as a session of kind {@link BootstrapSession.Kind#PACK} that finishes once the answer is sent.
 */
public final class BootstrapPackHandler implements UplinkHandler {
    private static final Logger LOG = LoggerFactory.getLogger(BootstrapPackHandler.class);
    private static final String OPERATION = "Bootstrap-Pack-Request";

    private final BootstrapConfigStore store;
    private final BootstrapSessions sessions;
    private final BootstrapListener events;
    private final BootstrapIdentityBinding binding;
    private final Codecs codecs;
    private final ObjectModels models;

    public BootstrapPackHandler(BootstrapConfigStore store, BootstrapSessions sessions, BootstrapListener events,
            BootstrapIdentityBinding binding, Codecs codecs, ObjectModels models) {
        this.store = Objects.requireNonNull(store, "store");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.events = Objects.requireNonNull(events, "events");
        this.binding = Objects.requireNonNull(binding, "binding");
        this.codecs = Objects.requireNonNull(codecs, "codecs");
        this.models = Objects.requireNonNull(models, "models");
    }

    @Override
    public UplinkResponse handle(UplinkRequest request) {
        if (request.path().size() > 1) {
            return UplinkResponse.of(CoapCode.NOT_FOUND);
        }
        if (request.method() != CoapMethod.GET) {
            return UplinkResponse.of(CoapCode.METHOD_NOT_ALLOWED);
        }
        BootstrapPackRequest pack;
        try {
            pack = BootstrapQuery.packRequest(request);
        } catch (UplinkRefusedException e) {
            return refuse(request, null, e.code(), e.getMessage());
        }
        Optional<String> forbidden = binding.refusal(pack.endpoint(), request.peer());
        if (forbidden.isPresent()) {
            return refuse(request, pack.endpoint(), CoapCode.FORBIDDEN, forbidden.get());
        }
        Optional<BootstrapConfig> config = store.lookup(pack.endpoint());
        if (config.isEmpty()) {
            return refuse(request, pack.endpoint(), CoapCode.NOT_FOUND,
                    "no bootstrap configuration for endpoint '" + pack.endpoint() + "'");
        }
        byte[] payload;
        try {
            payload = codecs.encodeNodes(pack.format(), SessionPlanner.pack(config.get()), models);
        } catch (RuntimeException e) {
            LOG.warn("The configuration of {} cannot be encoded in {}", pack.endpoint(), pack.format(), e);
            return refuse(request, pack.endpoint(), CoapCode.INTERNAL_SERVER_ERROR,
                    "the configuration cannot be encoded in " + pack.format());
        }
        BootstrapSession session = sessions.newSession(pack.endpoint(), request.peer(), BootstrapSession.Kind.PACK);
        events.started(session);
        return UplinkResponse.content(CoapCode.CONTENT, pack.format().code(), payload)
                .afterSent(() -> events.finished(BootstrapResult.finished(session, List.of())));
    }

    private UplinkResponse refuse(UplinkRequest request, String endpoint, CoapCode code, String reason) {
        events.refused(new BootstrapRefusal(OPERATION, endpoint, request.peer(), code, reason));
        return UplinkResponse.error(code, reason);
    }
}
