package io.wisp.core.model;

import java.util.Collection;
import java.util.Optional;

/**
 * Where codecs and roles look object definitions up: by object ID (the newest known version) or by ID and version
 * (that version, else the nearest known one — clients announce {@code ver=} in their Register links).
 */
public interface ObjectModels {

    /** The newest known version of an object. */
    Optional<ObjectModel> find(int objectId);

    /** That version of an object, else the nearest known version of it. */
    Optional<ObjectModel> find(int objectId, Version version);

    /** Every model known, each object ID with all its versions. */
    Collection<ObjectModel> all();

    /** The definition of resource {@code /o/x/r}, or empty. */
    default Optional<ResourceModel> resource(int objectId, int resourceId) {
        return find(objectId).map(m -> m.resource(resourceId));
    }

    /** A fixed set of models. */
    static ObjectModels of(Collection<ObjectModel> models) {
        return new ObjectModelSet(models);
    }

    /** No models at all: codecs then decode what they can, without types. */
    static ObjectModels none() {
        return ObjectModelSet.EMPTY;
    }
}
