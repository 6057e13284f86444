package io.wisp.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.wisp.app.http.ApiServices;
import io.wisp.app.http.ApiToken;
import io.wisp.app.http.HttpApi;
import io.wisp.app.http.HttpSettings;
import io.wisp.app.http.Json;
import io.wisp.app.http.bootstrap.BootstrapConfigJson;
import io.wisp.app.http.models.UploadableModels;
import io.wisp.app.persistence.PersistentBootstrapConfigStore;
import io.wisp.app.persistence.PersistentObservations;
import io.wisp.app.persistence.WispDatabase;
import io.wisp.bootstrap.WispBootstrapServer;
import io.wisp.bootstrap.config.BootstrapConfigStore;
import io.wisp.bootstrap.config.InvalidConfigException;
import io.wisp.core.model.registry.ModelRegistry;
import io.wisp.server.WispServer;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole Wisp system in one process, as {@code wisp server} runs it: the database in the data directory, the
 * LwM2M server (CoAP and, unless turned off, CoAPs with the stored credentials), the bootstrap server with the stored
 * configurations (CoAP and, unless turned off, CoAPs with the same credentials: the database keeps one credential per
 * endpoint), and the HTTP API with the stored value history. DDF files uploaded through the API join the models
 * all three decode with, until the process stops. Registrations, observations, credentials,
 * bootstrap configurations and values come back after a restart, kill -9 included: the observations are handed back
 * to the server before it opens its port, so the first notification after the restart is already taken.
 */
public final class WispSystem implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WispSystem.class);

    private final WispDatabase database;
    private final WispServer server;
    private final WispBootstrapServer bootstrap;
    private final HttpApi api;
    private final int restoredObservations;

    private WispSystem(WispDatabase database, WispServer server, WispBootstrapServer bootstrap, HttpApi api,
            int restoredObservations) {
        this.database = database;
        this.server = server;
        this.bootstrap = bootstrap;
        this.api = api;
        this.restoredObservations = restoredObservations;
    }

    /**
     * Opens the database and starts every part; on a failure, closes what it had started and throws
     * ({@link io.wisp.app.persistence.PersistenceException} for a data directory in use or unreadable, a runtime
     * exception of the transport or of Javalin for a port in use).
     */
    static WispSystem start(ServerSettings settings, ModelRegistry registry, HttpSettings http, ApiToken token) {
        Objects.requireNonNull(settings, "settings");
        Clock clock = Clock.systemUTC();
        WispDatabase database = WispDatabase.open(settings.data());
        WispServer server = null;
        WispBootstrapServer bootstrap = null;
        try {
            UploadableModels models = new UploadableModels(registry, database.uploadedModels(), clock);
            int uploads = models.restore();
            if (uploads > 0) {
                LOG.info("{} uploaded object definitions loaded again", uploads);
            }
            WispServer.Builder builder = WispServer.builder().bindAddress(settings.coapBind())
                    .port(settings.coapPort()).models(models).clock(clock)
                    .registrationStore(database.registrations()).securityStore(database.security());
            if (settings.coapsPort() >= 0) {
                builder.securePort(settings.coapsPort());
            }
            server = builder.build();
            PersistentObservations observations = new PersistentObservations(database.observations(), clock);
            int restored = observations.restore(server);
            observations.attach(server);
            server.start();
            BootstrapConfigJson json = new BootstrapConfigJson(models);
            BootstrapConfigStore configs = new PersistentBootstrapConfigStore(database.bootstrapConfigs(),
                    config -> Json.write(json.writeWithKeys(config)), text -> json.read(readJson(text), Optional.empty()));
            if (settings.bootstrapPort() >= 0) {
                WispBootstrapServer.Builder bs = WispBootstrapServer.builder().bindAddress(settings.coapBind())
                        .port(settings.bootstrapPort()).models(models).configStore(configs).clock(clock)
                        .securityStore(database.security());
                if (settings.bootstrapCoapsPort() >= 0) {
                    bs.securePort(settings.bootstrapCoapsPort());
                }
                bootstrap = bs.build();
                bootstrap.start();
            }
            ApiServices services = new ApiServices(server, models, database.valueHistory(), database.security(),
                    configs, Optional.ofNullable(bootstrap), Optional.of(database.queuedRequests()));
            HttpApi api = HttpApi.start(services, http, token);
            int requeued = api.restoreQueuedRequests();
            if (requeued > 0) {
                LOG.info("{} requests for sleeping clients queued again", requeued);
            }
            LOG.info("Wisp started: {} registrations and {} observations restored", server.registrations().size(),
                    restored);
            return new WispSystem(database, server, bootstrap, api, restored);
        } catch (RuntimeException e) {
            closeQuietly(bootstrap);
            closeQuietly(server);
            database.close();
            throw e;
        }
    }

    private static JsonNode readJson(String text) {
        try {
            return Json.read(text);
        } catch (RuntimeException e) {
            throw new InvalidConfigException("config", "not JSON: " + e.getMessage());
        }
    }

    private static void closeQuietly(AutoCloseable part) {
        if (part == null) {
            return;
        }
        try {
            part.close();
        } catch (Exception e) {
            LOG.warn("Closing {} failed", part, e);
        }
    }

    public WispServer server() {
        return server;
    }

    /** The bootstrap server, unless it was turned off. */
    public Optional<WispBootstrapServer> bootstrap() {
        return Optional.ofNullable(bootstrap);
    }

    public HttpApi api() {
        return api;
    }

    public WispDatabase database() {
        return database;
    }

    /** How many observations made before the last stop were taken up again at start. */
    public int restoredObservations() {
        return restoredObservations;
    }

    /** Stops the API and the servers, then writes what is pending and closes the database. */
    @Override
    public void close() {
        closeQuietly(api);
        closeQuietly(bootstrap);
        closeQuietly(server);
        database.close();
    }
}
