package io.wisp.bootstrap.config;

import java.util.Map;
import java.util.Optional;

/**
 * Where a Bootstrap-Server finds the configuration for a client: one per Endpoint Client Name, plus an optional
 * default for endpoints without their own (an operator who provisions every device the same way). Values are
 * validated {@link BootstrapConfig}s, so a store never holds one a client cannot use. Implementations must be safe
 * to call from several threads; the in-memory one is {@link InMemoryBootstrapConfigStore}, the application adds a
 * persistent one.
 */
public interface BootstrapConfigStore {

    /** The configuration for exactly this endpoint, not the default. */
    Optional<BootstrapConfig> get(String endpoint);

    /** The configuration for endpoints without their own, if the operator set one. */
    Optional<BootstrapConfig> defaultConfig();

    /** What a client of this endpoint gets: its own configuration, else the default, else nothing. */
    default Optional<BootstrapConfig> lookup(String endpoint) {
        Optional<BootstrapConfig> own = get(endpoint);
        return own.isPresent() ? own : defaultConfig();
    }

    /** Sets the configuration of an endpoint; returns the one it replaces. */
    Optional<BootstrapConfig> put(String endpoint, BootstrapConfig config);

    /** Removes the configuration of an endpoint; returns it. */
    Optional<BootstrapConfig> remove(String endpoint);

    /** Sets the default configuration, or removes it with {@code null}; returns the one it replaces. */
    Optional<BootstrapConfig> setDefault(BootstrapConfig config);

    /** Every endpoint's own configuration (a snapshot). */
    Map<String, BootstrapConfig> all();
}
