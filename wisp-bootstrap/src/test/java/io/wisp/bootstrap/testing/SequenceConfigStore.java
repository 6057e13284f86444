package io.wisp.bootstrap.testing;

import io.wisp.bootstrap.config.BootstrapConfig;
import io.wisp.bootstrap.config.BootstrapConfigStore;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link BootstrapConfigStore} that answers the successive look-ups of one endpoint with successive
 * configurations (the last one repeated), to script a client's bootstraps one after the other.
 */
public final class SequenceConfigStore implements BootstrapConfigStore {
    private final String endpoint;
    private final List<BootstrapConfig> sequence;
    private final AtomicInteger next = new AtomicInteger();

    public SequenceConfigStore(String endpoint, BootstrapConfig... sequence) {
        this.endpoint = endpoint;
        this.sequence = List.of(sequence);
    }

    @Override
    public Optional<BootstrapConfig> get(String name) {
        if (!name.equals(endpoint)) {
            return Optional.empty();
        }
        int k = Math.min(next.getAndIncrement(), sequence.size() - 1);
        return Optional.of(sequence.get(k));
    }

    @Override
    public Optional<BootstrapConfig> defaultConfig() {
        return Optional.empty();
    }

    @Override
    public Optional<BootstrapConfig> put(String name, BootstrapConfig config) {
        throw new UnsupportedOperationException("a scripted store");
    }

    @Override
    public Optional<BootstrapConfig> remove(String name) {
        throw new UnsupportedOperationException("a scripted store");
    }

    @Override
    public Optional<BootstrapConfig> setDefault(BootstrapConfig config) {
        throw new UnsupportedOperationException("a scripted store");
    }

    @Override
    public Map<String, BootstrapConfig> all() {
        return Map.of(endpoint, sequence.get(0));
    }
}
