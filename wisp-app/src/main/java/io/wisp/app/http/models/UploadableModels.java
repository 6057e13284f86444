package io.wisp.app.http.models;

import io.wisp.core.model.ObjectModel;
import io.wisp.core.model.ObjectModels;
import io.wisp.core.model.Version;
import io.wisp.core.model.registry.ModelRegistry;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The server's object definitions (Core TS §7) with room for more while it runs: a {@link ModelRegistry} plus the
 * definitions uploaded through {@code POST /api/v1/models}, an upload replacing a known model of the same ID and
 * version (as a later source does in the registry). Lookups read an immutable snapshot, replaced whole on each
 * upload, so the codecs that decode client data never see a half-made set and never take a lock.
 */
public final class UploadableModels implements ObjectModels {
    private final ModelRegistry base;
    private final Map<String, Uploaded> uploaded = new LinkedHashMap<>();
    private volatile ObjectModels snapshot;

    private record Uploaded(ObjectModel model, String source) {
    }

    public UploadableModels(ModelRegistry base) {
        this.base = Objects.requireNonNull(base, "base");
        this.snapshot = base;
    }

    @Override
    public Optional<ObjectModel> find(int objectId) {
        return snapshot.find(objectId);
    }

    @Override
    public Optional<ObjectModel> find(int objectId, Version version) {
        return snapshot.find(objectId, version);
    }

    @Override
    public Collection<ObjectModel> all() {
        return snapshot.all();
    }

    /** Adds {@code model}, replacing any of the same ID and version; {@code source} is shown as its origin. */
    public synchronized void add(ObjectModel model, String source) {
        Objects.requireNonNull(model, "model");
        uploaded.put(key(model), new Uploaded(model, Objects.requireNonNull(source, "source")));
        Map<String, ObjectModel> merged = new LinkedHashMap<>();
        base.all().forEach(m -> merged.put(key(m), m));
        uploaded.values().forEach(u -> merged.put(key(u.model()), u.model()));
        snapshot = ObjectModels.of(new ArrayList<>(merged.values()));
    }

    /** Where the model came from: the upload's name, else the registry's source. */
    public synchronized String sourceOf(ObjectModel model) {
        Uploaded u = uploaded.get(key(model));
        return u != null ? u.source() : base.sourceOf(model);
    }

    /** The models uploaded so far, in upload order. */
    public synchronized List<ObjectModel> uploads() {
        return uploaded.values().stream().map(Uploaded::model).toList();
    }

    private static String key(ObjectModel m) {
        return m.id() + "@" + m.objectVersion();
    }
}
