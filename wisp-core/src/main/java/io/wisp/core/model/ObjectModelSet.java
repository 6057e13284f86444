package io.wisp.core.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** An immutable set of object models, indexed by ID then version; see {@link ObjectModels#of}. */
final class ObjectModelSet implements ObjectModels {
    static final ObjectModelSet EMPTY = new ObjectModelSet(List.of());

    private static final Logger LOG = LoggerFactory.getLogger(ObjectModelSet.class);

    private final Map<Integer, NavigableMap<Version, ObjectModel>> byId = new HashMap<>();
    private final List<ObjectModel> all;

    ObjectModelSet(Collection<ObjectModel> models) {
        for (ObjectModel m : models) {
            byId.computeIfAbsent(m.id(), k -> new TreeMap<>()).put(m.objectVersion(), m);
        }
        List<ObjectModel> list = new ArrayList<>();
        byId.values().forEach(v -> list.addAll(v.values()));
        list.sort((a, b) -> a.id() != b.id() ? Integer.compare(a.id(), b.id())
                : a.objectVersion().compareTo(b.objectVersion()));
        this.all = List.copyOf(list);
    }

    @Override
    public Optional<ObjectModel> find(int objectId) {
        NavigableMap<Version, ObjectModel> versions = byId.get(objectId);
        return versions == null ? Optional.empty() : Optional.of(versions.lastEntry().getValue());
    }

    @Override
    public Optional<ObjectModel> find(int objectId, Version version) {
        NavigableMap<Version, ObjectModel> versions = byId.get(objectId);
        if (versions == null) {
            return Optional.empty();
        }
        ObjectModel exact = versions.get(version);
        if (exact != null) {
            return Optional.of(exact);
        }
        ObjectModel nearest = nearest(versions, version);
        LOG.warn("No model of object {} version {}; using version {}", objectId, version, nearest.objectVersion());
        return Optional.of(nearest);
    }

    /** The closest version by distance in minor steps within a major; a lower one wins ties. */
    private static ObjectModel nearest(NavigableMap<Version, ObjectModel> versions, Version wanted) {
        Map.Entry<Version, ObjectModel> below = versions.floorEntry(wanted);
        Map.Entry<Version, ObjectModel> above = versions.ceilingEntry(wanted);
        if (below == null) {
            return above.getValue();
        }
        if (above == null) {
            return below.getValue();
        }
        return distance(below.getKey(), wanted) <= distance(above.getKey(), wanted) ? below.getValue()
                : above.getValue();
    }

    private static long distance(Version a, Version b) {
        return Math.abs((a.major() * 10_000L + a.minor()) - (b.major() * 10_000L + b.minor()));
    }

    @Override
    public Collection<ObjectModel> all() {
        return all;
    }
}
