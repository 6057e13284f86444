package io.wisp.core.operation;

import io.wisp.core.codec.ContentFormat;
import io.wisp.core.node.LwM2mNode;
import io.wisp.core.node.MultipleResource;
import io.wisp.core.node.ResourceInstance;
import io.wisp.core.node.SingleResource;
import io.wisp.core.node.Value;
import io.wisp.core.path.LwM2mPath;
import java.util.Objects;

/**
 * Write (Core TS §6.3.3): replace an object instance, a resource or a resource instance (CoAP PUT), or partially
 * update an object instance or a multiple resource — add or change what the value carries, keep the rest (CoAP
 * POST, Transport TS §6.4). Writing a whole object is the Bootstrap Server's privilege and is refused here.
 *
 * @param mode   replace or partial update
 * @param path   what to write
 * @param node   the new value, addressed by {@code path} (its ID is the last ID of the path)
 * @param format the format to write in, or {@code null} for the client's default
 */
public record WriteRequest(Mode mode, LwM2mPath path, LwM2mNode node, ContentFormat format)
        implements LwM2mRequest<WriteResponse> {

    /** The two kinds of Write (Core TS §6.3.3). */
    public enum Mode {
        /** Replace the target: CoAP PUT. */
        REPLACE,
        /** Add or update what the value carries and leave the rest: CoAP POST. */
        PARTIAL_UPDATE
    }

    public WriteRequest {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(node, "node");
        if (path.isRoot() || path.isObject()) {
            throw new InvalidRequestException("path: Write targets an object instance, a resource or a resource "
                    + "instance, not " + path + " (Core TS §6.3.3)");
        }
        NodePaths.requireFits("node", path, node);
        if (mode == Mode.PARTIAL_UPDATE && !path.isObjectInstance() && !(node instanceof MultipleResource)) {
            throw new InvalidRequestException("path: a partial update targets an object instance or a multiple "
                    + "resource, not " + path + " (Core TS §6.3.3)");
        }
        NodePaths.requireFormat("format", format, NodePaths.NODE_FORMATS, "Write");
    }

    /** Replaces {@code node} at {@code path} in the client's default format. */
    public static WriteRequest replace(String path, LwM2mNode node) {
        return new WriteRequest(Mode.REPLACE, LwM2mPath.parse(path), node, null);
    }

    /** Replaces {@code node} at {@code path} in {@code format}. */
    public static WriteRequest replace(String path, LwM2mNode node, ContentFormat format) {
        return new WriteRequest(Mode.REPLACE, LwM2mPath.parse(path), node, Objects.requireNonNull(format, "format"));
    }

    /** Replaces the value of a single resource ({@code /o/i/r}) or a resource instance ({@code /o/i/r/ri}). */
    public static WriteRequest replaceValue(String path, Value value, ContentFormat format) {
        LwM2mPath p = LwM2mPath.parse(path);
        LwM2mNode node;
        if (p.isResource()) {
            node = SingleResource.of(p.resourceId(), value);
        } else if (p.isResourceInstance()) {
            node = ResourceInstance.of(p.resourceInstanceId(), value);
        } else {
            throw new InvalidRequestException("path: a value is written to a resource or a resource instance, not "
                    + p);
        }
        return new WriteRequest(Mode.REPLACE, p, node, format);
    }

    /** Partially updates the instance or multiple resource at {@code path} in the client's default format. */
    public static WriteRequest update(String path, LwM2mNode node) {
        return new WriteRequest(Mode.PARTIAL_UPDATE, LwM2mPath.parse(path), node, null);
    }

    /** Partially updates the instance or multiple resource at {@code path} in {@code format}. */
    public static WriteRequest update(String path, LwM2mNode node, ContentFormat format) {
        return new WriteRequest(Mode.PARTIAL_UPDATE, LwM2mPath.parse(path), node,
                Objects.requireNonNull(format, "format"));
    }
}
