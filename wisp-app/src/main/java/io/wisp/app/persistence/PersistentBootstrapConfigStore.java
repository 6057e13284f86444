package io.wisp.app.persistence;

import io.wisp.bootstrap.config.BootstrapConfig;
import io.wisp.bootstrap.config.BootstrapConfigStore;
import io.wisp.bootstrap.config.InvalidConfigException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bootstrap server's configurations (Core TS §6.1) kept in the database's {@link BootstrapConfigDocuments}: read
 * once when built, served from memory (a Bootstrap-Request never waits for the disk), and written through on every
 * change, so a change is on disk when its method returns. The document form is the caller's ({@code toJson},
 * {@code fromJson}: the HTTP API's JSON in {@code wisp server}); a stored document that no longer reads is logged and
 * left in the database untouched.
 */
public final class PersistentBootstrapConfigStore implements BootstrapConfigStore {
    private static final Logger LOG = LoggerFactory.getLogger(PersistentBootstrapConfigStore.class);

    private final BootstrapConfigDocuments documents;
    private final Function<BootstrapConfig, String> toJson;
    private final Map<String, BootstrapConfig> byEndpoint = new ConcurrentHashMap<>();
    private final AtomicReference<BootstrapConfig> fallback = new AtomicReference<>();

    public PersistentBootstrapConfigStore(BootstrapConfigDocuments documents, Function<BootstrapConfig, String> toJson,
            Function<String, BootstrapConfig> fromJson) {
        this.documents = Objects.requireNonNull(documents, "documents");
        this.toJson = Objects.requireNonNull(toJson, "toJson");
        Objects.requireNonNull(fromJson, "fromJson");
        for (ConfigDocument d : documents.all()) {
            read(d, fromJson).ifPresent(c -> byEndpoint.put(d.endpoint(), c));
        }
        documents.defaultConfig().flatMap(d -> read(d, fromJson)).ifPresent(fallback::set);
    }

    private static Optional<BootstrapConfig> read(ConfigDocument d, Function<String, BootstrapConfig> fromJson) {
        try {
            return Optional.of(fromJson.apply(d.json()));
        } catch (RuntimeException e) {
            LOG.warn("Stored bootstrap configuration {} does not read any more and is not used: {}", d,
                    e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public Optional<BootstrapConfig> get(String endpoint) {
        return Optional.ofNullable(byEndpoint.get(Objects.requireNonNull(endpoint, "endpoint")));
    }

    @Override
    public Optional<BootstrapConfig> defaultConfig() {
        return Optional.ofNullable(fallback.get());
    }

    @Override
    public synchronized Optional<BootstrapConfig> put(String endpoint, BootstrapConfig config) {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(config, "config");
        if (endpoint.isEmpty()) {
            throw new InvalidConfigException("endpoint", "must not be empty");
        }
        documents.put(endpoint, toJson.apply(config));
        return Optional.ofNullable(byEndpoint.put(endpoint, config));
    }

    @Override
    public synchronized Optional<BootstrapConfig> remove(String endpoint) {
        Objects.requireNonNull(endpoint, "endpoint");
        documents.remove(endpoint);
        return Optional.ofNullable(byEndpoint.remove(endpoint));
    }

    @Override
    public synchronized Optional<BootstrapConfig> setDefault(BootstrapConfig config) {
        if (config == null) {
            documents.removeDefault();
        } else {
            documents.putDefault(toJson.apply(config));
        }
        return Optional.ofNullable(fallback.getAndSet(config));
    }

    @Override
    public Map<String, BootstrapConfig> all() {
        return Map.copyOf(byEndpoint);
    }
}
