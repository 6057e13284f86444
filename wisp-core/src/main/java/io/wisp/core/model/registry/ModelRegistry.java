package io.wisp.core.model.registry;

import io.wisp.core.model.ObjectModel;
import io.wisp.core.model.ObjectModels;
import io.wisp.core.model.Version;
import io.wisp.core.model.ddf.DdfProblem;
import io.wisp.core.model.ddf.DdfReadResult;
import io.wisp.core.model.ddf.DdfReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The object definitions Wisp knows: the bundled models plus any DDF files or directories added, looked up by
 * object ID (newest version) or by ID and version (that version, else the nearest one with a warning; clients
 * announce versions with {@code ver=} in Register, Core TS §6.2.1). Sources are added in order and a later source
 * replaces an earlier one's model of the same ID and version, so a directory of vendor files can correct a bundled
 * model. The registry remembers which source each model came from.
 *
 * <p>Loading never throws for bad files: what the DDF reader could not take as written, and files or directories
 * that cannot be read, are collected in {@link #problems()}, and whatever could be read is kept.
 */
public final class ModelRegistry implements ObjectModels {
    private static final Logger LOG = LoggerFactory.getLogger(ModelRegistry.class);

    private final ObjectModels models;
    private final Map<Key, String> sources;
    private final List<DdfProblem> problems;

    private ModelRegistry(Map<Key, Loaded> loaded, List<DdfProblem> problems) {
        List<ObjectModel> list = new ArrayList<>();
        Map<Key, String> bySource = new HashMap<>();
        for (var e : loaded.entrySet()) {
            list.add(e.getValue().model());
            bySource.put(e.getKey(), e.getValue().source());
        }
        this.models = ObjectModels.of(list);
        this.sources = Map.copyOf(bySource);
        this.problems = List.copyOf(problems);
    }

    /** The bundled models alone; loaded once and shared, as the registry is immutable. */
    public static ModelRegistry bundled() {
        return BundledHolder.INSTANCE;
    }

    /** Starts an empty registry; add sources in order of precedence, lowest first. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public Optional<ObjectModel> find(int objectId) {
        return models.find(objectId);
    }

    /** That version of the object, else the nearest known version (logged as a warning); see {@link #lookup}. */
    @Override
    public Optional<ObjectModel> find(int objectId, Version version) {
        return models.find(objectId, version);
    }

    /** Like {@link #find(int, Version)}, with the source and whether the version is exact or only the nearest. */
    public Optional<ModelMatch> lookup(int objectId, Version version) {
        Objects.requireNonNull(version, "version");
        return models.find(objectId, version).map(m -> new ModelMatch(m, sourceOf(m), version));
    }

    /** The newest version of the object, with its source. */
    public Optional<ModelMatch> lookup(int objectId) {
        return models.find(objectId).map(m -> new ModelMatch(m, sourceOf(m), m.objectVersion()));
    }

    @Override
    public Collection<ObjectModel> all() {
        return models.all();
    }

    /**
     * Where the registry's model of this object ID and version came from ({@code bundled:3.xml} or a file path);
     * "unknown" for a model the registry does not hold.
     */
    public String sourceOf(ObjectModel model) {
        return sources.getOrDefault(new Key(model.id(), model.objectVersion()), "unknown");
    }

    /** Everything that went wrong while loading, in loading order; empty when every source was clean. */
    public List<DdfProblem> problems() {
        return problems;
    }

    private record Key(int id, Version version) {
    }

    private record Loaded(ObjectModel model, String source) {
    }

    /** Collects sources in order; later sources win for the same object ID and version. */
    public static final class Builder {
        private final Map<Key, Loaded> loaded = new LinkedHashMap<>();
        private final List<DdfProblem> problems = new ArrayList<>();

        private Builder() {
        }

        /** Adds the models shipped with Wisp ({@link BundledModels}). */
        public Builder addBundled() {
            for (String name : BundledModels.fileNames()) {
                String source = BundledModels.sourceName(name);
                byte[] content;
                try {
                    content = BundledModels.read(name);
                } catch (UncheckedIOException e) {
                    problems.add(new DdfProblem(DdfProblem.Kind.UNREADABLE, source, -1, "", "",
                            e.getCause().getMessage()));
                    continue;
                }
                addResult(DdfReader.read(content, source));
            }
            return this;
        }

        /**
         * Adds every {@code *.xml} file in the directory and its subdirectories, in path order (so within one
         * directory tree, a later path wins for the same ID and version). A missing or unreadable directory, and
         * files that are not DDF, become problems.
         */
        public Builder addDirectory(Path directory) {
            Objects.requireNonNull(directory, "directory");
            if (!Files.isDirectory(directory)) {
                problems.add(new DdfProblem(DdfProblem.Kind.UNREADABLE, directory.toString(), -1, "", "",
                        "not a directory"));
                return this;
            }
            List<Path> files;
            try (Stream<Path> walk = Files.walk(directory)) {
                files = walk.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xml"))
                        .filter(Files::isRegularFile)
                        .sorted()
                        .toList();
            } catch (IOException | UncheckedIOException | SecurityException e) {
                problems.add(new DdfProblem(DdfProblem.Kind.UNREADABLE, directory.toString(), -1, "", "",
                        "cannot list the directory: " + e.getMessage()));
                return this;
            }
            for (Path file : files) {
                addFile(file);
            }
            return this;
        }

        /** Adds the objects of one DDF file. */
        public Builder addFile(Path file) {
            addResult(DdfReader.read(Objects.requireNonNull(file, "file")));
            return this;
        }

        /** Adds a model built in code; {@code source} says where it came from. */
        public Builder add(ObjectModel model, String source) {
            put(Objects.requireNonNull(model, "model"), Objects.requireNonNull(source, "source"));
            return this;
        }

        public ModelRegistry build() {
            return new ModelRegistry(loaded, problems);
        }

        private void addResult(DdfReadResult result) {
            problems.addAll(result.problems());
            for (ObjectModel model : result.models()) {
                put(model, result.source());
            }
        }

        private void put(ObjectModel model, String source) {
            Key key = new Key(model.id(), model.objectVersion());
            Loaded previous = loaded.put(key, new Loaded(model, source));
            if (previous != null && !previous.source().equals(source)) {
                LOG.debug("object {} version {} from {} replaces the one from {}", model.id(), model.objectVersion(),
                        source, previous.source());
            }
        }
    }

    private static final class BundledHolder {
        static final ModelRegistry INSTANCE = builder().addBundled().build();
    }
}
