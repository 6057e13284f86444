package io.wisp.app.http.models;

import io.wisp.app.persistence.StoredModel;
import io.wisp.app.persistence.UploadedModelStore;
import io.wisp.core.model.ObjectModel;
import io.wisp.core.model.ObjectModels;
import io.wisp.core.model.Version;
import io.wisp.core.model.ddf.DdfReadResult;
import io.wisp.core.model.ddf.DdfReader;
import io.wisp.core.model.ddf.DdfWriter;
import io.wisp.core.model.registry.ModelRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's object definitions (Core TS §7) with room for more while it runs: a {@link ModelRegistry} plus the
 * definitions uploaded through {@code POST /api/v1/models}, an upload replacing a known model of the same ID and
 * version (as a later source does in the registry). Lookups read an immutable snapshot, replaced whole on each
 * upload, so the codecs that decode client data never see a half-made set and never take a lock. With an
 * {@link UploadedModelStore} every upload is stored (as DDF XML) before it takes effect, and {@link #restore()}
 * brings the stored ones back after a restart.
 */
public final class UploadableModels implements ObjectModels {
    private static final Logger LOG = LoggerFactory.getLogger(UploadableModels.class);

    private final ModelRegistry base;
    private final Optional<UploadedModelStore> store;
    private final Clock clock;
    private final Map<String, Uploaded> uploaded = new LinkedHashMap<>();
    private volatile ObjectModels snapshot;

    private record Uploaded(ObjectModel model, String source) {
    }

    /** Uploads held in memory only: they end with the process. */
    public UploadableModels(ModelRegistry base) {
        this(base, Optional.empty(), Clock.systemUTC());
    }

    /** Uploads stored in {@code store} as they come; call {@link #restore()} to take up earlier ones. */
    public UploadableModels(ModelRegistry base, UploadedModelStore store, Clock clock) {
        this(base, Optional.of(store), clock);
    }

    private UploadableModels(ModelRegistry base, Optional<UploadedModelStore> store, Clock clock) {
        this.base = Objects.requireNonNull(base, "base");
        this.store = store;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.snapshot = base;
    }

    /**
     * Takes up the stored uploads, oldest first; a stored definition that no longer reads as exactly the object
     * it was stored as is skipped with a warning naming it. Returns how many were taken up.
     */
    public synchronized int restore() {
        int restored = 0;
        for (StoredModel stored : store.map(UploadedModelStore::all).orElse(List.of())) {
            Optional<ObjectModel> model = readBack(stored);
            if (model.isPresent()) {
                uploaded.put(key(model.get()), new Uploaded(model.get(), stored.source()));
                restored++;
            }
        }
        if (restored > 0) {
            rebuild();
        }
        return restored;
    }

    private static Optional<ObjectModel> readBack(StoredModel stored) {
        String what = "object " + stored.objectId() + " version " + stored.objectVersion() + " (" + stored.source()
                + ")";
        DdfReadResult read;
        try {
            read = DdfReader.read(stored.ddf().getBytes(StandardCharsets.UTF_8), stored.source());
        } catch (RuntimeException e) {
            LOG.warn("The stored definition of {} does not read and is skipped: {}", what, e.toString());
            return Optional.empty();
        }
        List<ObjectModel> models = read.models();
        if (models.size() != 1 || models.get(0).id() != stored.objectId()
                || !models.get(0).objectVersion().toString().equals(stored.objectVersion())) {
            LOG.warn("The stored definition of {} is skipped: it reads as {} instead{}", what,
                    models.stream().map(m -> m.id() + "@" + m.objectVersion()).toList(),
                    read.problems().isEmpty() ? "" : " (" + read.problems().get(0) + ")");
            return Optional.empty();
        }
        return Optional.of(models.get(0));
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

    /**
     * Adds {@code model}, replacing any of the same ID and version; {@code source} is shown as its origin. With a
     * store, the model is stored first: if that fails, nothing changes and the failure is thrown.
     */
    public synchronized void add(ObjectModel model, String source) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(source, "source");
        if (store.isPresent()) {
            String ddf = new String(DdfWriter.write(model), StandardCharsets.UTF_8);
            store.get().save(new StoredModel(model.id(), model.objectVersion().toString(), source, ddf,
                    clock.instant()));
        }
        uploaded.put(key(model), new Uploaded(model, source));
        rebuild();
    }

    private void rebuild() {
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
