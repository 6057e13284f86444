package io.wisp.app.persistence;

import java.util.List;
import java.util.Optional;

/**
 * Bootstrap configurations (Core TS §6.1) kept across restarts: one JSON document per endpoint, plus an optional
 * default for endpoints without their own. Documents are checked to be JSON objects and otherwise not interpreted,
 * so the configuration format can evolve without a schema migration. Every write is durable when the method returns.
 */
public interface BootstrapConfigDocuments {

    /** Saves the configuration of an endpoint and returns it with its new revision. */
    ConfigDocument put(String endpoint, String json);

    /**
     * Saves the configuration only if its current revision is {@code expectedRevision} (0: only if it has none);
     * empty when someone else saved meanwhile.
     */
    Optional<ConfigDocument> putIfRevision(String endpoint, String json, long expectedRevision);

    Optional<ConfigDocument> get(String endpoint);

    /** Removes the configuration of an endpoint; returns whether it had one. */
    boolean remove(String endpoint);

    /** Every endpoint's own configuration, in endpoint order (not the default). */
    List<ConfigDocument> all();

    /** Sets the configuration for endpoints without their own, and returns it with its new revision. */
    ConfigDocument putDefault(String json);

    Optional<ConfigDocument> defaultConfig();

    /** Removes the default configuration; returns whether there was one. */
    boolean removeDefault();
}
