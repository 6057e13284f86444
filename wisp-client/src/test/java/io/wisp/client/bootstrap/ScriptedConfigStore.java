package io.wisp.client.bootstrap;

import io.wisp.bootstrap.config.BootstrapConfig;
import io.wisp.bootstrap.config.BootstrapConfigStore;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** Answers one endpoint's successive look-ups with successive configurations, the last one repeated. */
final class ScriptedConfigStore implements BootstrapConfigStore {
    private final String endpoint;
    private final List<BootstrapConfig> script;
    private final AtomicInteger next = new AtomicInteger();

    ScriptedConfigStore(String endpoint, BootstrapConfig... script) {
        this.endpoint = endpoint;
        this.script = List.of(script);
    }

    @Override
    public Optional<BootstrapConfig> get(String name) {
        if (!name.equals(endpoint)) {
            return Optional.empty();
        }
        return Optional.of(script.get(Math.min(next.getAndIncrement(), script.size() - 1)));
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
        return Map.of(endpoint, script.get(0));
    }
}
