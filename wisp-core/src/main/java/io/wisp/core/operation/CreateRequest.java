package io.wisp.core.operation;

import io.wisp.core.codec.ContentFormat;
import io.wisp.core.node.LwM2mResource;
import io.wisp.core.node.ObjectInstance;
import io.wisp.core.path.LwM2mPath;
import java.util.List;
import java.util.Objects;

/**
 * Create (Core TS §6.3.6): a new object instance, POSTed to {@code /o} (Transport TS §6.4). The server chooses the
 * instance ID by giving the instance one; an instance with {@link ObjectInstance#UNASSIGNED} leaves the choice to the
 * client, which names the new instance in the Location-Path of its 2.01 (see {@link CreateResponse#location()}).
 * Such an instance can be written only in formats that can leave out its ID (TLV, OMA JSON, LwM2M CBOR), not SenML.
 *
 * @param objectId the object to create an instance of
 * @param instance the new instance with its resources
 * @param format   the format to write in, or {@code null} for the client's default (or the first announced format
 *                 that can carry the instance)
 */
public record CreateRequest(int objectId, ObjectInstance instance, ContentFormat format)
        implements LwM2mRequest<CreateResponse> {
    public CreateRequest {
        if (objectId < 0 || objectId > LwM2mPath.MAX_ID) {
            throw new InvalidRequestException("objectId must be in 0.." + LwM2mPath.MAX_ID + ", got " + objectId);
        }
        Objects.requireNonNull(instance, "instance");
        NodePaths.requireFormat("format", format, NodePaths.NODE_FORMATS, "Create");
        if (format != null && (format.equals(ContentFormat.TEXT) || format.equals(ContentFormat.OPAQUE)
                || format.equals(ContentFormat.CBOR))) {
            throw new InvalidRequestException("format: " + format + " carries a single value, not an instance");
        }
    }

    /** Create of an instance with the ID the server chose. */
    public static CreateRequest of(int objectId, ObjectInstance instance) {
        return new CreateRequest(objectId, instance, null);
    }

    /** Create of an instance whose ID the client chooses, written in {@code format} (null for the default). */
    public static CreateRequest clientChoosesId(int objectId, List<? extends LwM2mResource> resources,
            ContentFormat format) {
        return new CreateRequest(objectId, ObjectInstance.of(ObjectInstance.UNASSIGNED, resources), format);
    }

    /** The object path {@code /o} the request goes to. */
    public LwM2mPath objectPath() {
        return LwM2mPath.of(objectId);
    }

    /** Whether the client is to choose the instance ID. */
    public boolean clientChoosesId() {
        return !instance.hasAssignedId();
    }
}
