package io.wisp.bootstrap.config;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/** A {@link BootstrapConfigStore} in memory: lost on restart, fine for tests and embedded use. */
public final class InMemoryBootstrapConfigStore implements BootstrapConfigStore {
    private final Map<String, BootstrapConfig> byEndpoint = new ConcurrentHashMap<>();
    private final AtomicReference<BootstrapConfig> fallback = new AtomicReference<>();

    @Override
    public Optional<BootstrapConfig> get(String endpoint) {
        return Optional.ofNullable(byEndpoint.get(Objects.requireNonNull(endpoint, "endpoint")));
    }

    @Override
    public Optional<BootstrapConfig> defaultConfig() {
        return Optional.ofNullable(fallback.get());
    }

    @Override
    public Optional<BootstrapConfig> put(String endpoint, BootstrapConfig config) {
        Objects.requireNonNull(endpoint, "endpoint");
        if (endpoint.isEmpty()) {
            throw new InvalidConfigException("endpoint", "must not be empty");
        }
        return Optional.ofNullable(byEndpoint.put(endpoint, Objects.requireNonNull(config, "config")));
    }

    @Override
    public Optional<BootstrapConfig> remove(String endpoint) {
        return Optional.ofNullable(byEndpoint.remove(Objects.requireNonNull(endpoint, "endpoint")));
    }

    @Override
    public Optional<BootstrapConfig> setDefault(BootstrapConfig config) {
        return Optional.ofNullable(fallback.getAndSet(config));
    }

    @Override
    public Map<String, BootstrapConfig> all() {
        return Map.copyOf(byEndpoint);
    }
}
