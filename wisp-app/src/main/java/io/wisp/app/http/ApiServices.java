package io.wisp.app.http;

import io.wisp.app.persistence.InMemoryValueHistoryStore;
import io.wisp.app.persistence.QueuedRequestStore;
import io.wisp.app.persistence.ValueHistoryStore;
import io.wisp.bootstrap.WispBootstrapServer;
import io.wisp.bootstrap.config.BootstrapConfigStore;
import io.wisp.bootstrap.config.InMemoryBootstrapConfigStore;
import io.wisp.core.model.ObjectModels;
import io.wisp.server.WispServer;
import io.wisp.transport.security.SecurityStore;
import java.util.Objects;
import java.util.Optional;

/**
 * What the HTTP API serves: the LwM2M server, the object models it decodes with, the stores behind it and the other
 * roles of the process. {@code wisp server} passes its database's stores and its bootstrap server; an embedded API
 * or a test starts from {@link #of(WispServer)}, with everything in memory.
 *
 * @param server the LwM2M server whose clients the API manages
 * @param models the object models, the same the server decodes with (an
 *               {@link io.wisp.app.http.models.UploadableModels} takes uploads)
 * @param history the values clients reported
 * @param security the endpoints' DTLS credentials, the same the server checks handshakes against
 * @param bootstrapConfigs the bootstrap configurations, the same the bootstrap server (if any) reads
 * @param bootstrap the bootstrap server of the process, if it runs one
 * @param queuedRequests where the calls waiting for sleeping clients are kept across restarts, if anywhere
 */
public record ApiServices(WispServer server, ObjectModels models, ValueHistoryStore history,
        SecurityStore security, BootstrapConfigStore bootstrapConfigs, Optional<WispBootstrapServer> bootstrap,
        Optional<QueuedRequestStore> queuedRequests) {
    /** Per-path and total bounds of the in-memory value history. */
    private static final int HISTORY_PER_PATH = 256;
    private static final int HISTORY_PATHS = 20_000;

    public ApiServices {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(models, "models");
        Objects.requireNonNull(history, "history");
        Objects.requireNonNull(security, "security");
        Objects.requireNonNull(bootstrapConfigs, "bootstrapConfigs");
        Objects.requireNonNull(bootstrap, "bootstrap");
        Objects.requireNonNull(queuedRequests, "queuedRequests");
    }

    /** Services whose queued calls live only in memory. */
    public ApiServices(WispServer server, ObjectModels models, ValueHistoryStore history, SecurityStore security,
            BootstrapConfigStore bootstrapConfigs, Optional<WispBootstrapServer> bootstrap) {
        this(server, models, history, security, bootstrapConfigs, bootstrap, Optional.empty());
    }

    /**
     * The server alone: the models it decodes with, its security store, a bounded in-memory value history and
     * in-memory bootstrap configurations without a bootstrap server.
     */
    public static ApiServices of(WispServer server) {
        return new ApiServices(server, server.models(), new InMemoryValueHistoryStore(HISTORY_PER_PATH, HISTORY_PATHS),
                server.securityStore(), new InMemoryBootstrapConfigStore(), Optional.empty());
    }

    public ApiServices withHistory(ValueHistoryStore value) {
        return new ApiServices(server, models, value, security, bootstrapConfigs, bootstrap, queuedRequests);
    }

    /** With the process's bootstrap server, and its configuration store. */
    public ApiServices withBootstrap(WispBootstrapServer value) {
        return new ApiServices(server, models, history, security, value.configs(), Optional.of(value),
                queuedRequests);
    }

    /** With the store that keeps the calls waiting for sleeping clients across restarts. */
    public ApiServices withQueuedRequests(QueuedRequestStore value) {
        return new ApiServices(server, models, history, security, bootstrapConfigs, bootstrap, Optional.of(value));
    }
}
