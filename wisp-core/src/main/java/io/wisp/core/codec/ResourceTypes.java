package io.wisp.core.codec;

import io.wisp.core.model.ObjectModels;
import io.wisp.core.model.ResourceModel;
import io.wisp.core.node.DataType;
import io.wisp.core.path.LwM2mPath;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where decoders learn a resource's data type: from the object model. When no model knows the resource, decoders
 * still decode (as Opaque, or the type the format itself carries) and this class logs one warning per object and
 * resource, so nothing is dropped silently and a busy server's log is not flooded.
 */
public final class ResourceTypes {
    private static final Logger LOG = LoggerFactory.getLogger(ResourceTypes.class);
    private static final int MAX_REMEMBERED = 4096;
    private static final Set<Long> WARNED = ConcurrentHashMap.newKeySet();

    private ResourceTypes() {
    }

    /** The model of the resource at a path of depth 3 or 4, or empty. */
    public static Optional<ResourceModel> model(ObjectModels models, LwM2mPath path) {
        if (path.depth() < 3) {
            return Optional.empty();
        }
        return models.resource(path.objectId(), path.resourceId());
    }

    /**
     * The type of the value at a resource or resource instance path; empty, with a one-time warning naming the
     * format, when no model has it (or the model says NONE: an executable resource carries no value).
     */
    public static Optional<DataType> of(ObjectModels models, LwM2mPath path, ContentFormat format) {
        Optional<DataType> type = model(models, path).map(ResourceModel::type).filter(t -> t != DataType.NONE);
        if (type.isEmpty()) {
            warnOnce(path, format);
        }
        return type;
    }

    private static void warnOnce(LwM2mPath path, ContentFormat format) {
        if (path.depth() < 3) {
            return;
        }
        long key = ((long) path.objectId() << 16) | path.resourceId();
        if (WARNED.size() < MAX_REMEMBERED && WARNED.add(key)) {
            LOG.warn("No model types /{}/x/{}: decoding its {} value without a type (as the format gives it, "
                    + "else Opaque)", path.objectId(), path.resourceId(), format.name());
        }
    }
}
