package io.wisp.bootstrap.uplink;

import io.wisp.bootstrap.config.BootstrapConfig;
import io.wisp.bootstrap.config.BootstrapConfigStore;
import io.wisp.bootstrap.security.BootstrapIdentityBinding;
import io.wisp.bootstrap.session.BootstrapListener;
import io.wisp.bootstrap.session.BootstrapRefusal;
import io.wisp.bootstrap.session.BootstrapSession;
import io.wisp.bootstrap.session.BootstrapSessions;
import io.wisp.core.operation.BootstrapRequest;
import io.wisp.transport.CoapCode;
import io.wisp.transport.CoapMethod;
import io.wisp.transport.UplinkHandler;
import io.wisp.transport.UplinkRequest;
import io.wisp.transport.UplinkResponse;
import java.util.Objects;
import java.util.Optional;

/**
 * Bootstrap-Request on {@code /bs} (Core TS §6.1, Transport TS §6.1): {@code POST /bs?ep={name}[&pct={format}]}.
 * With a configuration for the endpoint (or a default) it answers 2.04 and starts the session once the answer is on
 * its way, so the client hears 2.04 before the first Bootstrap-Discover or -Write; without one it answers 4.00 Bad
 * Request, the code the Transport TS gives for an unknown Endpoint Client Name. A bad query gets 4.00 (4.15 for a
 * {@code pct} no configuration can be written in), another method 4.05, a longer path 4.04. A client that may not
 * bootstrap as the endpoint it names ({@link BootstrapIdentityBinding}) gets 4.03 Forbidden and no session.
 */
public final class BootstrapRequestHandler implements UplinkHandler {
    private static final String OPERATION = "Bootstrap-Request";

    private final BootstrapConfigStore store;
    private final BootstrapSessions sessions;
    private final BootstrapListener events;
    private final BootstrapIdentityBinding binding;

    public BootstrapRequestHandler(BootstrapConfigStore store, BootstrapSessions sessions,
            BootstrapListener events, BootstrapIdentityBinding binding) {
        this.store = Objects.requireNonNull(store, "store");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.events = Objects.requireNonNull(events, "events");
        this.binding = Objects.requireNonNull(binding, "binding");
    }

    @Override
    public UplinkResponse handle(UplinkRequest request) {
        if (request.path().size() > 1) {
            return UplinkResponse.of(CoapCode.NOT_FOUND);
        }
        if (request.method() != CoapMethod.POST) {
            return UplinkResponse.of(CoapCode.METHOD_NOT_ALLOWED);
        }
        BootstrapRequest bootstrap;
        try {
            bootstrap = BootstrapQuery.bootstrapRequest(request);
        } catch (UplinkRefusedException e) {
            return refuse(request, null, e.code(), e.getMessage());
        }
        Optional<String> forbidden = binding.refusal(bootstrap.endpoint(), request.peer());
        if (forbidden.isPresent()) {
            return refuse(request, bootstrap.endpoint(), CoapCode.FORBIDDEN, forbidden.get());
        }
        Optional<BootstrapConfig> config = store.lookup(bootstrap.endpoint());
        if (config.isEmpty()) {
            return refuse(request, bootstrap.endpoint(), CoapCode.BAD_REQUEST,
                    "no bootstrap configuration for endpoint '" + bootstrap.endpoint() + "'");
        }
        BootstrapSession session = sessions.newSession(bootstrap.endpoint(), request.peer(),
                BootstrapSession.Kind.CLIENT_INITIATED);
        return UplinkResponse.of(CoapCode.CHANGED)
                .afterSent(() -> sessions.start(session, config.get(), bootstrap.preferredFormat()));
    }

    private UplinkResponse refuse(UplinkRequest request, String endpoint, CoapCode code, String reason) {
        events.refused(new BootstrapRefusal(OPERATION, endpoint, request.peer(), code, reason));
        return UplinkResponse.error(code, reason);
    }
}
