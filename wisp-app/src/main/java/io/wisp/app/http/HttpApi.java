package io.wisp.app.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.wisp.app.console.Console;
import io.wisp.app.http.bootstrap.BootstrapRoutes;
import io.wisp.app.http.bootstrap.BootstrapSessionLog;
import io.wisp.app.http.clients.ClientRoutes;
import io.wisp.app.http.device.CompositeRoutes;
import io.wisp.app.http.device.DeviceCalls;
import io.wisp.app.http.device.DeviceManagementRoutes;
import io.wisp.app.http.device.ObserveRoutes;
import io.wisp.app.http.device.QueueRoutes;
import io.wisp.app.http.device.RequestJournal;
import io.wisp.app.http.device.RequestReplay;
import io.wisp.app.http.events.EventHub;
import io.wisp.app.http.events.EventRoutes;
import io.wisp.app.http.events.ServerEvents;
import io.wisp.app.http.history.HistoryRoutes;
import io.wisp.app.http.history.ValueRecorder;
import io.wisp.app.http.models.ModelRoutes;
import io.wisp.app.http.ops.OpsRoutes;
import io.wisp.app.http.ops.ServerMetrics;
import io.wisp.app.http.security.SecurityRoutes;
import io.wisp.bootstrap.WispBootstrapServer;
import io.wisp.server.WispServer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP API of a running {@link WispServer} (Javalin on Jetty): everything under {@code /api/v1} goes through the
 * server's public API — registrations, {@code submit} for device operations, the queue, the listeners — plus
 * {@code /health} and {@code /metrics}. Off the loopback interface every request but {@code /health} needs the
 * {@link ApiToken} as {@code Authorization: Bearer <token>}. Errors are RFC 9457 problem documents. The endpoints'
 * DTLS credentials are under {@code /api/v1/security}, the bootstrap configurations under {@code /api/v1/bootstrap};
 * the bootstrap sessions too when a {@link WispBootstrapServer} runs in the process (otherwise they answer 503).
 */
public final class HttpApi implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);
    private final WispServer server;
    private final WispBootstrapServer bootstrap;
    private final BootstrapSessionLog bootstrapSessions;
    private final Javalin javalin;
    private final ApiRoutes routes = new ApiRoutes();
    private final EventHub hub;
    private final ServerEvents events;
    private final ServerMetrics metrics;
    private final ValueRecorder history;
    private final HttpSettings settings;
    private final Optional<RequestReplay> replay;
    /** A secret of this process only, with which it replays stored calls to itself. */
    private final String internalSecret = newSecret();

    private HttpApi(ApiServices services, HttpSettings settings, ApiToken token, List<ApiModule> more) {
        this.server = services.server();
        this.bootstrap = services.bootstrap().orElse(null);
        Objects.requireNonNull(settings, "settings");
        if (settings.requiresToken() && token == null) {
            throw new IllegalArgumentException("token: the API listens on " + settings.bind().getHostAddress()
                    + ", beyond loopback, and needs an API token");
        }
        Clock clock = Clock.systemUTC();
        this.hub = new EventHub(clock);
        this.events = new ServerEvents(server, hub);
        this.metrics = new ServerMetrics(server, hub);
        this.history = new ValueRecorder(services.history(), clock);
        this.bootstrapSessions = bootstrap == null ? null : new BootstrapSessionLog(hub, clock);
        this.settings = settings;
        this.replay = services.queuedRequests().map(store -> new RequestReplay(store, server.registrations(), clock));
        DeviceCalls calls = new DeviceCalls(server, metrics, hub, settings.defaultTimeout(),
                services.queuedRequests().map(store -> new RequestJournal(store, clock)));
        List<ApiModule> modules = new ArrayList<>(List.of(new OpsRoutes(server, metrics, clock),
                new EventRoutes(hub), new ClientRoutes(server), new QueueRoutes(calls), new ObserveRoutes(calls),
                new CompositeRoutes(calls), new HistoryRoutes(services.history())));
        modules.add(new ModelRoutes(services.models()));
        modules.add(new SecurityRoutes(services.security()));
        modules.add(new BootstrapRoutes(services.bootstrapConfigs(), bootstrapSessions, services.models()));
        modules.addAll(more);
        modules.add(new DeviceManagementRoutes(calls));
        modules.forEach(m -> m.addTo(routes));
        this.javalin = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.http.prefer405over404 = true;
            if (!settings.corsOrigins().isEmpty()) {
                config.bundledPlugins.enableCors(cors -> cors.addRule(rule -> settings.corsOrigins()
                        .forEach(origin -> rule.allowHost(origin))));
            }
            config.routes.before(ctx -> markInternal(ctx, internalSecret));
            if (settings.requiresToken()) {
                config.routes.before(ctx -> authenticate(ctx, token, internalSecret));
            }
            config.routes.exception(ApiProblem.class, (problem, ctx) -> problem.writeTo(ctx));
            config.routes.exception(Exception.class, (failure, ctx) -> unexpected(failure, ctx));
            config.routes.error(404, HttpApi::noRoute);
            config.routes.error(405, HttpApi::wrongMethod);
            routes.applyTo(config.routes);
            Console.install(config);
        });
        events.attach();
        metrics.attach();
        server.addObservationListener(history);
        server.addSendListener(history);
        if (bootstrap != null) {
            bootstrap.addListener(bootstrapSessions);
        }
        try {
            javalin.start(settings.bind().getHostAddress(), settings.port());
        } catch (RuntimeException e) {
            detach();
            throw e;
        }
    }

    /**
     * Starts the API for {@code server} alone ({@link ApiServices#of}: value history and bootstrap configurations in
     * memory); {@code token} may be null only when the API listens on loopback.
     */
    public static HttpApi start(WispServer server, HttpSettings settings, ApiToken token) {
        return start(ApiServices.of(server), settings, token);
    }

    /** Starts the API over {@code services}; {@code token} may be null only when the API listens on loopback. */
    public static HttpApi start(ApiServices services, HttpSettings settings, ApiToken token) {
        return new HttpApi(Objects.requireNonNull(services, "services"), settings, token, List.of());
    }

    /** As {@link #start(ApiServices, HttpSettings, ApiToken)}, with more modules (a role that joins the process). */
    public static HttpApi start(ApiServices services, HttpSettings settings, ApiToken token, List<ApiModule> more) {
        return new HttpApi(Objects.requireNonNull(services, "services"), settings, token, List.copyOf(more));
    }

    /** The port the API listens on (the real one when 0 was asked). */
    public int port() {
        return javalin.port();
    }

    /**
     * Makes again the calls that waited for sleeping clients when the process stopped ({@link RequestReplay}); call
     * it once, after the server's registrations came back. Returns how many were queued again; 0 without a store.
     */
    public int restoreQueuedRequests() {
        return replay.map(r -> r.replay(settings.bind(), port(), internalSecret)).orElse(0);
    }

    private static String newSecret() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Every route, in matching order: what the OpenAPI document must describe. */
    public List<ApiRoutes.Route> routes() {
        return routes.routes();
    }

    @Override
    public void close() {
        detach();
        hub.close();
        javalin.stop();
    }

    private void detach() {
        events.detach();
        metrics.detach();
        server.removeObservationListener(history);
        server.removeSendListener(history);
        if (bootstrap != null) {
            bootstrap.removeListener(bootstrapSessions);
        }
    }

    /** Marks a call that presents this process's own replay secret (see {@link RequestJournal#INTERNAL_CALL}). */
    private static void markInternal(Context ctx, String internalSecret) {
        if (isInternal(internalSecret, bearer(ctx))) {
            ctx.attribute(RequestJournal.INTERNAL_CALL, Boolean.TRUE);
        }
    }

    private static String bearer(Context ctx) {
        String header = ctx.header("Authorization");
        return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).strip() : null;
    }

    private static boolean isInternal(String internalSecret, String presented) {
        return presented != null && MessageDigest.isEqual(internalSecret.getBytes(StandardCharsets.US_ASCII),
                presented.getBytes(StandardCharsets.US_ASCII));
    }

    private static void authenticate(Context ctx, ApiToken token, String internalSecret) {
        if (ctx.path().equals("/health") || Console.isConsoleFile(ctx.path())
                || ctx.method() == HandlerType.OPTIONS) {
            return;
        }
        String presented = bearer(ctx);
        if (!token.accepts(presented) && !isInternal(internalSecret, presented)) {
            ctx.skipRemainingHandlers();
            ApiProblem.of(401, "unauthorized", "Unauthorized", presented == null
                    ? "this API needs 'Authorization: Bearer <token>' (the token printed when the server first "
                    + "started off loopback)" : "the bearer token is not this server's API token").writeTo(ctx);
        }
    }

    private static void unexpected(Exception failure, Context ctx) {
        ApiProblem problem = Problems.from(failure, null, "request");
        if (problem.status() == 500) {
            LOG.warn("{} {} failed", ctx.method(), ctx.path(), failure);
        }
        problem.writeTo(ctx);
    }

    private static void noRoute(Context ctx) {
        if (ctx.attribute(ApiProblem.WRITTEN) == null) {
            ApiProblem.of(404, "no-route", "No such route", "no route matches " + ctx.method() + " " + ctx.path()
                    + "; the API is described at /api/v1/openapi.yaml").writeTo(ctx);
        }
    }

    private static void wrongMethod(Context ctx) {
        if (ctx.attribute(ApiProblem.WRITTEN) == null) {
            ApiProblem.of(405, "method-not-allowed", "Method not allowed", ctx.method() + " is not allowed on "
                    + ctx.path()).writeTo(ctx);
        }
    }
}
